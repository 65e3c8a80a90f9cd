package org.signalaudit.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Ask the state machine to apply one event to a user; the reason is optional here. */
public record RequestTransition(@NotNull StateEvent event, @Size(max = 500) String reason) {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public RequestTransition(StateEvent event, String reason) {
        this.event = event;
        this.reason = reason;
    }
}
