package org.signalaudit.signal;

import java.util.Objects;

/** A signed-in user ended their session (Django's user_logged_out). */
public record UserLoggedOut(String username) implements LoginSignal {

    public UserLoggedOut {
        Objects.requireNonNull(username, "username");
    }
}
