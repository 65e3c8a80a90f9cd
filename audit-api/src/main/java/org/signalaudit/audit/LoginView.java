package org.signalaudit.audit;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

/** One row of {@code login_audit}. */
@JsonbNillable
public record LoginView(long id, Instant occurredAt, String event, String username, String reason, String clientIp,
                        String userAgent, String requestId) {
}
