package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.signal.Origin;

/**
 * One row of {@code user_state_audit}, for reading: who moved which user from which state to which,
 * when, from where, why, and in which request. Rows are written by
 * {@link org.signalaudit.audit.control.StateAuditWriter} at the end of the flush that writes the
 * change (the chain's heads are taken there, see docs/INTEGRITY.md); nothing ever persists this
 * entity, and the id comes from the column's default ({@code user_state_audit_seq}).
 */
@Entity
@Table(name = "user_state_audit")
public class StateAuditEntry {

    @Id
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String username;

    @Column(name = "initiated_by", nullable = false, updatable = false, length = 128)
    private String initiatedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_state", updatable = false, length = 16)
    private UserState startState;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_state", nullable = false, updatable = false, length = 16)
    private UserState endState;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "ip_address", updatable = false, length = 45)
    private String ipAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private StateEvent event;

    @Column(updatable = false, length = 500)
    private String reason;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    protected StateAuditEntry() {
        // for JPA
    }

    public StateChangeView toView() {
        return new StateChangeView(id, username, initiatedBy, startState, endState, event, occurredAt.toInstant(),
                ipAddress, origin, reason, requestId);
    }
}
