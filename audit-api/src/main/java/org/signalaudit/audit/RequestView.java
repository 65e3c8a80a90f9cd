package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.signal.Origin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** One row of {@code request_audit}. The error detail (a server-side trace) is not part of it. */
@JsonbNillable
@Schema(description = "A row of request_audit: one HTTP request, without its server-side trace.")
public record RequestView(
        @Schema(description = "the row's id") long id,
        @Schema(description = "the request id (X-Request-Id)") String requestId,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when it arrived") Instant occurredAt,
        @Schema(description = "how long it took, in milliseconds") long durationMs,
        @Schema(description = "HTTP method", example = "POST") String method,
        @Schema(description = "the path asked for", example = "/audit/api/users/alice/transitions") String path,
        @Schema(description = "the matched route", nullable = true, example = "/users/{username}/transitions") String route,
        @Schema(description = "the HTTP status answered", example = "200") int status,
        @Schema(description = "the signed-in caller", nullable = true, example = "admin") String actor,
        @Schema(description = "the client's address (through trusted proxies)", nullable = true) String clientIp,
        @Schema(description = "the connection's peer address", nullable = true) String peerIp,
        @Schema(description = "the User-Agent, capped", nullable = true) String userAgent,
        @Schema(description = "the resource class", nullable = true) String resource,
        @Schema(description = "the audited model it concerns", nullable = true) String model,
        @Schema(description = "what kind of request, e.g. AUDIT_READ", nullable = true) String category,
        @Schema(description = "a one-line summary", nullable = true) String summary,
        @Schema(description = "the exception class of a failure", nullable = true) String errorClass,
        @Schema(ref = "Origin") Origin origin) implements Serializable {
}
