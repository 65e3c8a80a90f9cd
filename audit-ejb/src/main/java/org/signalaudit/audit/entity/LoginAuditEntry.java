package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.signalaudit.audit.LoginView;

/**
 * One row of {@code login_audit}, for reading. It never holds a password, hashed or not. Rows are
 * written by {@link org.signalaudit.audit.control.AuditWriter} ({@link LoginAuditRow}).
 */
@Entity
@Table(name = "login_audit")
public class LoginAuditEntry {

    @Id
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

    protected LoginAuditEntry() {
        // for JPA
    }

    public LoginView toView() {
        return new LoginView(id, occurredAt.toInstant(), event, username, reason, clientIp, userAgent, requestId);
    }

}
