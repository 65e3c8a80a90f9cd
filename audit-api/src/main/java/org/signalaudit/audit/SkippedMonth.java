package org.signalaudit.audit;

/** A month that was due but was not dropped, and why (a legal hold, rows not sealed yet). */
public record SkippedMonth(String table, String month, String why) {
}
