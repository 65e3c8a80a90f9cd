package org.signalaudit.audit;

/**
 * One audit table's chain: how many rows were walked before the end or the first break, the head
 * the application recorded (publish {@code headHash} elsewhere to anchor the chain), and the
 * first break, null when the chain is intact.
 */
public record ChainState(String table, boolean intact, long rows, long headSeq, String headHash,
                         ChainBreak firstBreak) {
}
