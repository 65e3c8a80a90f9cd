package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.account.UserState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * A user as it was at {@code asOf}: the state from {@code user_state_audit} (the row
 * {@code stateRowId}), the e-mail, role and groups from {@code entity_audit} (up to the row
 * {@code entityRowId}; null for a user invited before entity auditing existed). There is no
 * version: changes that no audit row records (a failed sign-in count) moved it too.
 */
@JsonbNillable
@Schema(description = "A user as they were at a moment, rebuilt from the audit rows; no version.")
public record UserAsOf(
        @Schema(description = "the user's handle", example = "alice") String username,
        @Schema(description = "e-mail address then", nullable = true) String email,
        @Schema(description = "role then", nullable = true, example = "USER") String role,
        @Schema(ref = "UserState") UserState state,
        @Schema(description = "the groups then, sorted", nullable = true) List<String> groups,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "the moment asked for") Instant asOf,
        @Schema(description = "the user_state_audit row the state comes from") long stateRowId,
        @Schema(description = "the last entity_audit row used", nullable = true) Long entityRowId) implements Serializable {

    public UserAsOf {
        groups = groups == null ? null : List.copyOf(groups);
    }
}
