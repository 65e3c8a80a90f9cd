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

import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.chain.ChainedRow;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.chain.RowDigest;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestCompleted;

/** One row of {@code request_audit}: one HTTP request, whatever its outcome. */
@Entity
@Table(name = "request_audit")
public class RequestAuditEntry implements ChainedRow {

    static final int DETAIL_CAP = 8000;
    static final int TEXT_CAP = 512;

    @Id
    @SequenceGenerator(name = "request_audit_seq", sequenceName = "request_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_audit_seq")
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

    @Column(name = "error_detail", updatable = false, length = DETAIL_CAP)
    private String errorDetail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Origin origin;

    @Embedded
    private ChainPosition chain;

    protected RequestAuditEntry() {
        // for JPA
    }

    public RequestAuditEntry(RequestCompleted request) {
        this.requestId = request.requestId();
        this.occurredAt = RowDigest.storable(OffsetDateTime.ofInstant(request.startedAt(), ZoneOffset.UTC));
        this.durationMs = request.durationMs();
        this.method = cap(request.method(), 16);
        this.path = cap(request.path(), 2048);
        this.route = cap(request.route(), TEXT_CAP);
        this.status = request.status();
        this.actor = cap(request.actor(), 128);
        this.clientIp = request.clientIp();
        this.peerIp = request.peerIp();
        this.userAgent = cap(request.userAgent(), TEXT_CAP);
        this.resource = cap(request.resource(), TEXT_CAP);
        this.model = cap(request.model(), 128);
        this.category = request.category();
        this.summary = cap(request.summary(), 2100);
        this.errorClass = cap(request.errorClass(), TEXT_CAP);
        this.errorDetail = cap(request.errorDetail(), DETAIL_CAP);
        this.origin = request.origin();
    }

    public RequestView toView() {
        return new RequestView(id, requestId, occurredAt.toInstant(), durationMs, method, path, route, status, actor,
                clientIp, peerIp, userAgent, resource, model, category, summary, errorClass, origin);
    }

    static String cap(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    @Override
    public ChainedTable chainedTable() {
        return ChainedTable.REQUEST;
    }

    @Override
    public List<Object> chainedValues() {
        return Arrays.asList(requestId, occurredAt, durationMs, method, path, route, status, actor, clientIp,
                peerIp, userAgent, resource, model, category, summary, errorClass, errorDetail, origin);
    }

    @Override
    public void link(ChainLink link) {
        this.chain = new ChainPosition(link);
    }
}
