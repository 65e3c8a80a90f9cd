package org.signalaudit.signal;

import java.util.Objects;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;

/**
 * The custom state-change signal: fired once for every change of a user's state, by the state
 * machine and by the superadmin override alike, and observed by the one receiver that writes
 * {@code user_state_audit}. {@code oldState} is null only for the creation (INVITE).
 */
public record UserStateChanged(String username, UserState oldState, UserState newState, StateEvent event,
                               String initiator, String reason) {

    public UserStateChanged {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(event, "event");
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("A state change always has an initiator");
        }
        if (oldState == null && event != StateEvent.INVITE) {
            throw new IllegalArgumentException("Only the creation has no previous state");
        }
    }
}
