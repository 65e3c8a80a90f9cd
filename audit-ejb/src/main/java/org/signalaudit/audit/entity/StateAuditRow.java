package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.chain.RowDigest;
import org.signalaudit.signal.UserStateChanged;

/**
 * One {@code user_state_audit} row on its way to the table: received with the change, written
 * when the flush that writes the change is over ({@link org.signalaudit.audit.control.StateAuditWriter}).
 * {@code startState} is null for an invitation, the row that creates the user.
 */
public record StateAuditRow(String username, String initiatedBy, UserState startState, UserState endState,
                            StateEvent event, String reason, Provenance provenance, OffsetDateTime occurredAt) {

    public StateAuditRow {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        Objects.requireNonNull(endState, "endState");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(provenance, "provenance");
    }

    public static StateAuditRow of(UserStateChanged change, Provenance provenance) {
        return new StateAuditRow(change.username(), change.initiator(), change.oldState(), change.newState(),
                change.event(), change.reason(), provenance, RowDigest.storable(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The values the state chain covers, in {@link ChainedTable#STATE}'s order. */
    public List<Object> chainedValues() {
        return Arrays.asList(username, initiatedBy, startState, endState, occurredAt, provenance.ipAddress(),
                provenance.origin(), event, reason, provenance.requestId());
    }
}
