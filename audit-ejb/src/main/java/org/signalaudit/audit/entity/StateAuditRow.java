package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.signal.UserStateChanged;

/**
 * One {@code user_state_audit} row: who moved which user from which state to which, when, from
 * where, why. {@code startState} is null for an invitation, the row that creates the user.
 */
public record StateAuditRow(String username, String initiatedBy, UserState startState, UserState endState,
                            StateEvent event, String reason, Provenance provenance, OffsetDateTime occurredAt)
        implements AuditRow {

    public StateAuditRow {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        Objects.requireNonNull(endState, "endState");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(provenance, "provenance");
    }

    public static StateAuditRow of(UserStateChanged change, Provenance provenance) {
        return new StateAuditRow(change.username(), change.initiator(), change.oldState(), change.newState(),
                change.event(), change.reason(), provenance, AuditRow.now());
    }

    @Override
    public AuditTable table() {
        return AuditTable.STATE;
    }

    @Override
    public List<Object> values() {
        return Arrays.asList(username, initiatedBy, startState, endState, occurredAt, provenance.ipAddress(),
                provenance.origin(), event, reason, provenance.requestId());
    }
}
