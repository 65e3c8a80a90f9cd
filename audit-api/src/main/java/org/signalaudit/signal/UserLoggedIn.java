package org.signalaudit.signal;

import java.util.Objects;

/** A form sign-in opened a session (Django's user_logged_in). */
public record UserLoggedIn(String username) implements LoginSignal {

    public UserLoggedIn {
        Objects.requireNonNull(username, "username");
    }
}
