package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.signal.RequestContext;

/** One {@code login_audit} row. It never holds a password, hashed or not. */
public record LoginAuditRow(OffsetDateTime occurredAt, String event, String username, String reason,
                            String clientIp, String userAgent, String requestId) implements AuditRow {

    public static final String LOGGED_IN = "LOGGED_IN";
    public static final String LOGGED_OUT = "LOGGED_OUT";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";

    public LoginAuditRow {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }

    /** The row of a sign-in event; the client's address, agent and request id come from the open request, if any. */
    public static LoginAuditRow of(String event, String username, String reason, RequestContext request) {
        boolean open = request != null && request.isOpen();
        return new LoginAuditRow(AuditRow.now(), event, RequestAuditRow.cap(username, 128), reason,
                open ? request.clientIp() : null, open ? request.userAgent() : null,
                open ? request.requestId() : null);
    }

    @Override
    public AuditTable table() {
        return AuditTable.LOGIN;
    }

    @Override
    public List<Object> values() {
        return Arrays.asList(occurredAt, event, username, reason, clientIp, userAgent, requestId);
    }
}
