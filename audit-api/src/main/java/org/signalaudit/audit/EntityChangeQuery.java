package org.signalaudit.audit;

import java.time.Instant;

/**
 * Filters for the entity change log; every field is optional. {@code entityType} is the entity
 * name ({@code UserAccount}, {@code Group}), {@code entityId} its audit key (a username, a group
 * name). {@code after} is the id of the last row of the previous page (rows come newest first).
 */
public record EntityChangeQuery(String entityType, String entityId, String initiatedBy, String requestId,
                                Instant from, Instant to, int limit, Long after) {
}
