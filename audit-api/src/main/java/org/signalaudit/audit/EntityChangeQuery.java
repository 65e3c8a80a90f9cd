package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * Filters for the entity change log; every field is optional. {@code entityType} is the entity
 * name ({@code UserAccount}, {@code Group}), {@code entityId} its audit key (a username, a group
 * name). See {@link AuditQuery} for the period and the page.
 */
public record EntityChangeQuery(String entityType, String entityId, String initiatedBy, String requestId,
                                Instant from, Instant to, int limit, Long after) implements AuditQuery, Serializable {
}
