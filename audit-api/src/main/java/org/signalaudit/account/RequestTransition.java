package org.signalaudit.account;

import java.io.Serializable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ask the state machine to apply one event to a user; the reason is optional here. */
@Schema(description = "Apply one event of the state machine: ACTIVATE, LOCK, UNLOCK, DEACTIVATE or REACTIVATE.",
        requiredProperties = "event",
        example = "{\"event\": \"LOCK\", \"reason\": \"suspicious sign-ins\"}")
public record RequestTransition(
        @Schema(ref = "StateEvent", description = "the event (not INVITE or OVERRIDE)") @NotNull StateEvent event,
        @Schema(description = "why; kept in the audit row", example = "suspicious sign-ins") @Size(max = 500) String reason) implements Serializable {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public RequestTransition(StateEvent event, String reason) {
        this.event = event;
        this.reason = reason;
    }
}
