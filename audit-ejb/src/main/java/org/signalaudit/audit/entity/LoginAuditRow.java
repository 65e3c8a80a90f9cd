package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.signal.LoginSignal;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.UserLoggedIn;
import org.signalaudit.signal.UserLoggedOut;
import org.signalaudit.signal.UserLoginFailed;

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

    /**
     * The row of {@code signal} at {@code occurredAt}; the client's address, agent and request id
     * come from the open request, if any. The outage spool makes the same row as the receiver,
     * with the moment the signal was fired.
     */
    public static LoginAuditRow of(LoginSignal signal, OffsetDateTime occurredAt, RequestContext request) {
        boolean open = request != null && request.isOpen();
        String event;
        String username;
        String reason = null;
        if (signal instanceof UserLoggedIn in) {
            event = LOGGED_IN;
            username = in.username();
        } else if (signal instanceof UserLoggedOut out) {
            event = LOGGED_OUT;
            username = out.username();
        } else {
            UserLoginFailed failed = (UserLoginFailed) signal;
            event = LOGIN_FAILED;
            username = failed.attemptedUsername();
            reason = failed.reason().name();
        }
        return new LoginAuditRow(occurredAt.truncatedTo(ChronoUnit.MICROS), event, RequestAuditRow.cap(username, 128),
                reason, open ? request.clientIp() : null, open ? request.userAgent() : null,
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
