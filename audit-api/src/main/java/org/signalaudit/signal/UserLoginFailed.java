package org.signalaudit.signal;

import java.util.Objects;

/**
 * A sign-in was refused, by form or by HTTP Basic (Django's user_login_failed). The username is
 * the one attempted, which may not exist; the password is never part of the signal.
 */
public record UserLoginFailed(String attemptedUsername, SignInFailure reason) implements LoginSignal {

    public UserLoginFailed {
        Objects.requireNonNull(reason, "reason");
    }
}
