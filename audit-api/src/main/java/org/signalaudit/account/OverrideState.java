package org.signalaudit.account;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The superadmin's override: any target state, and a reason that the audit row keeps. */
@Schema(description = "The superadmin's override: any target state, bypassing the transition table, with a reason.",
        requiredProperties = {"state", "reason"},
        example = "{\"state\": \"ACTIVE\", \"reason\": \"ticket 4711: locked out by mistake\"}")
public record OverrideState(
        @Schema(ref = "UserState", description = "the state to put the user in") @NotNull UserState state,
        @Schema(description = "why; kept in the audit row", example = "ticket 4711: locked out by mistake")
        @NotBlank @Size(max = 500) String reason) implements Serializable {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public OverrideState(UserState state, String reason) {
        this.state = state;
        this.reason = reason;
    }
}
