package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

import org.signalaudit.account.StateEvent;

/** Filters for the state-change log; every field is optional. */
public record StateChangeQuery(String username, String initiatedBy, StateEvent event, Instant from, Instant to,
                               int limit, Long after) implements AuditQuery, Serializable {
}
