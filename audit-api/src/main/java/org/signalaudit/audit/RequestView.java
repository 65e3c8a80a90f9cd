package org.signalaudit.audit;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.signal.Origin;

/** One row of {@code request_audit}. The error detail (a server-side trace) is not part of it. */
@JsonbNillable
public record RequestView(long id, String requestId, Instant occurredAt, long durationMs, String method, String path,
                          String route, int status, String actor, String clientIp, String peerIp, String userAgent,
                          String resource, String model, String category, String summary, String errorClass,
                          Origin origin) {
}
