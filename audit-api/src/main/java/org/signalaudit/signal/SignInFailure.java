package org.signalaudit.signal;

/** Why a sign-in was refused, as the login audit records it. */
public enum SignInFailure {
    UNKNOWN_USER,
    BAD_PASSWORD,
    NOT_ACTIVE,
    MALFORMED_CREDENTIALS,
    /**
     * An ADMIN or SUPERADMIN account is under a sign-in delay after wrong passwords: refused
     * without looking at the password, which is neither verified nor counted.
     */
    DELAYED
}
