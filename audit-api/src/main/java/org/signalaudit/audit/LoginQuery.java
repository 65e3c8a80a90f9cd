package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

/** Filters for the login audit; every field is optional. */
public record LoginQuery(String username, String event, Instant from, Instant to, int limit, Long after)
        implements AuditQuery, Serializable {
}
