package org.signalaudit.audit;

/** One audit table in the verify: its sealed rows found intact, and the first break, null when none. */
public record TableIntegrity(String table, boolean intact, long rows, IntegrityBreak firstBreak) {
}
