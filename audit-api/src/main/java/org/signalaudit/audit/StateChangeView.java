package org.signalaudit.audit;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.signal.Origin;

/** One row of {@code user_state_audit} as the API and the screens show it. */
@JsonbNillable
public record StateChangeView(long id, String username, String initiatedBy, UserState startState,
                              UserState endState, StateEvent event, Instant occurredAt, String ipAddress,
                              Origin origin, String reason, String requestId) {
}
