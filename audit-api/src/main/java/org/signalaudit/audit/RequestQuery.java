package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * Filters for the request trail; every field is optional. {@code path} matches a prefix;
 * {@code category} is READ, WRITE, AUTH or AUDIT_READ (a read of the audit log itself).
 */
public record RequestQuery(String actor, Integer status, String category, Instant from, Instant to, String path,
                           int limit, Long after) implements AuditQuery, Serializable {
}
