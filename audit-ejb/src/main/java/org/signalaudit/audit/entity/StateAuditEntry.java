package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.chain.ChainedRow;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.chain.RowDigest;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.UserStateChanged;

/**
 * One row of {@code user_state_audit}: who moved which user from which state to which, when,
 * from where, why, and in which request. Immutable once written: no setters.
 */
@Entity
@Table(name = "user_state_audit")
public class StateAuditEntry implements ChainedRow {

    @Id
    @SequenceGenerator(name = "user_state_audit_seq", sequenceName = "user_state_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_state_audit_seq")
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

    @Embedded
    private ChainPosition chain;

    protected StateAuditEntry() {
        // for JPA
    }

    public StateAuditEntry(UserStateChanged change, Provenance provenance) {
        this.username = change.username();
        this.initiatedBy = change.initiator();
        this.startState = change.oldState();
        this.endState = change.newState();
        this.event = change.event();
        this.reason = change.reason();
        this.ipAddress = provenance.ipAddress();
        this.origin = provenance.origin();
        this.requestId = provenance.requestId();
        this.occurredAt = RowDigest.storable(OffsetDateTime.now(ZoneOffset.UTC));
    }

    public StateChangeView toView() {
        return new StateChangeView(id, username, initiatedBy, startState, endState, event, occurredAt.toInstant(),
                ipAddress, origin, reason, requestId);
    }

    @Override
    public ChainedTable chainedTable() {
        return ChainedTable.STATE;
    }

    @Override
    public List<Object> chainedValues() {
        return Arrays.asList(username, initiatedBy, startState, endState, occurredAt, ipAddress, origin, event, reason,
                requestId);
    }

    @Override
    public void link(ChainLink link) {
        this.chain = new ChainPosition(link);
    }
}
