package org.signalaudit.signal;

/** Why a sign-in was refused, as the login audit records it. */
public enum SignInFailure {
    UNKNOWN_USER,
    BAD_PASSWORD,
    NOT_ACTIVE,
    MALFORMED_CREDENTIALS
}
