package org.signalaudit.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The superadmin's override: any target state, and a reason that the audit row keeps. */
public record OverrideState(@NotNull UserState state, @NotBlank @Size(max = 500) String reason) {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public OverrideState(UserState state, String reason) {
        this.state = state;
        this.reason = reason;
    }
}
