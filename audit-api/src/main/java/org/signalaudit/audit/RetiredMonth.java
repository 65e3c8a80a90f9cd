package org.signalaudit.audit;

import java.time.Instant;

/**
 * A month of one audit table dropped by retention, as its tombstone records it: the rows that left,
 * the leaves they were (first and last index, null for an empty month) and the SHA-256 of their leaf
 * hashes in leaf order (hex), when, by whom and why.
 */
public record RetiredMonth(String table, String month, long rows, Long firstLeaf, Long lastLeaf, String leavesDigest,
                           Instant droppedAt, String droppedBy, String reason) {
}
