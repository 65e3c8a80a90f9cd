package org.signalaudit.audit;

import java.time.Instant;

import org.signalaudit.account.StateEvent;

/**
 * Filters for the state-change log; every field is optional. {@code after} is the id of the last
 * row of the previous page (rows come newest first).
 */
public record StateChangeQuery(String username, String initiatedBy, StateEvent event, Instant from, Instant to,
                               int limit, Long after) {
}
