package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.signalaudit.audit.RequestView;
import org.signalaudit.signal.Origin;

/**
 * One row of {@code request_audit}, for reading: one HTTP request, whatever its outcome. Rows are
 * written by {@link org.signalaudit.audit.control.AuditWriter} ({@link RequestAuditRow}); nothing
 * ever persists this entity, and the id comes from the column's default.
 */
@Entity
@Table(name = "request_audit")
public class RequestAuditEntry {

    @Id
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false, length = 64)
    private String requestId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;

    @Column(nullable = false, updatable = false, length = 16)
    private String method;

    @Column(nullable = false, updatable = false, length = 2048)
    private String path;

    @Column(updatable = false, length = 512)
    private String route;

    @Column(nullable = false, updatable = false)
    private int status;

    @Column(updatable = false, length = 128)
    private String actor;

    @Column(name = "client_ip", updatable = false, length = 45)
    private String clientIp;

    @Column(name = "peer_ip", updatable = false, length = 45)
    private String peerIp;

    @Column(name = "user_agent", updatable = false, length = 512)
    private String userAgent;

    @Column(updatable = false, length = 512)
    private String resource;

    @Column(updatable = false, length = 128)
    private String model;

    @Column(updatable = false, length = 32)
    private String category;

    @Column(nullable = false, updatable = false, length = 2100)
    private String summary;

    @Column(name = "error_class", updatable = false, length = 512)
    private String errorClass;

    @Column(name = "error_detail", updatable = false, length = 8000)
    private String errorDetail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Origin origin;

    protected RequestAuditEntry() {
        // for JPA
    }

    public RequestView toView() {
        return new RequestView(id, requestId, occurredAt.toInstant(), durationMs, method, path, route, status, actor,
                clientIp, peerIp, userAgent, resource, model, category, summary, errorClass, origin);
    }

}
