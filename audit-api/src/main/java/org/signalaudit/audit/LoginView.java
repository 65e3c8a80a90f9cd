package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** One row of {@code login_audit}. */
@JsonbNillable
@Schema(description = "A row of login_audit: a sign-in, a sign-out or a refused sign-in.")
public record LoginView(
        @Schema(description = "the row's id") long id,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when") Instant occurredAt,
        @Schema(description = "LOGGED_IN, LOGGED_OUT or LOGIN_FAILED", example = "LOGIN_FAILED") String event,
        @Schema(description = "the user name given", nullable = true, example = "alice") String username,
        @Schema(description = "why a sign-in was refused", nullable = true, example = "BAD_PASSWORD") String reason,
        @Schema(description = "the client's address", nullable = true) String clientIp,
        @Schema(description = "the User-Agent, capped", nullable = true) String userAgent,
        @Schema(description = "the request id", nullable = true) String requestId) implements Serializable {
}
