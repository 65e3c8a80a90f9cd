package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.chain.ChainedRow;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.chain.RowDigest;
import org.signalaudit.signal.RequestContext;

/** One row of {@code login_audit}. It never holds a password, hashed or not. */
@Entity
@Table(name = "login_audit")
public class LoginAuditEntry implements ChainedRow {

    public static final String LOGGED_IN = "LOGGED_IN";
    public static final String LOGGED_OUT = "LOGGED_OUT";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";

    @Id
    @SequenceGenerator(name = "login_audit_seq", sequenceName = "login_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_audit_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false, length = 16)
    private String event;

    @Column(updatable = false, length = 128)
    private String username;

    @Column(updatable = false, length = 32)
    private String reason;

    @Column(name = "client_ip", updatable = false, length = 45)
    private String clientIp;

    @Column(name = "user_agent", updatable = false, length = 512)
    private String userAgent;

    @Column(name = "request_id", updatable = false, length = 64)
    private String requestId;

    @Embedded
    private ChainPosition chain;

    protected LoginAuditEntry() {
        // for JPA
    }

    public LoginAuditEntry(String event, String username, String reason, RequestContext request) {
        this.occurredAt = RowDigest.storable(OffsetDateTime.now(ZoneOffset.UTC));
        this.event = event;
        this.username = RequestAuditEntry.cap(username, 128);
        this.reason = reason;
        if (request != null && request.isOpen()) {
            this.clientIp = request.clientIp();
            this.userAgent = request.userAgent();
            this.requestId = request.requestId();
        }
    }

    public LoginView toView() {
        return new LoginView(id, occurredAt.toInstant(), event, username, reason, clientIp, userAgent, requestId);
    }

    @Override
    public ChainedTable chainedTable() {
        return ChainedTable.LOGIN;
    }

    @Override
    public List<Object> chainedValues() {
        return Arrays.asList(occurredAt, event, username, reason, clientIp, userAgent, requestId);
    }

    @Override
    public void link(ChainLink link) {
        this.chain = new ChainPosition(link);
    }
}
