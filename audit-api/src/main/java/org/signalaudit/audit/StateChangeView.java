package org.signalaudit.audit;

import java.io.Serializable;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.signal.Origin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** One row of {@code user_state_audit} as the API and the screens show it. */
@JsonbNillable
@Schema(description = "A row of user_state_audit: one change of a user's state.")
public record StateChangeView(
        @Schema(description = "the row's id", example = "42") long id,
        @Schema(description = "whose state changed", example = "alice") String username,
        @Schema(description = "who changed it: a username, or system:<component>", example = "admin") String initiatedBy,
        @Schema(ref = "UserState") UserState startState,
        @Schema(ref = "UserState") UserState endState,
        @Schema(ref = "StateEvent") StateEvent event,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when") Instant occurredAt,
        @Schema(description = "the client's address", nullable = true, example = "203.0.113.7") String ipAddress,
        @Schema(ref = "Origin") Origin origin,
        @Schema(description = "the reason given", nullable = true, example = "suspicious sign-ins") String reason,
        @Schema(description = "the request that made the change", nullable = true) String requestId) implements Serializable {
}
