package org.signalaudit.signal;

/**
 * The three signals that each make one {@code login_audit} row: a sign-in, a sign-out and a refused
 * sign-in. Sealed, so that whoever keeps one for later (the outage spool,
 * {@link org.signalaudit.audit.AuditSpool}) handles every kind.
 */
public sealed interface LoginSignal permits UserLoggedIn, UserLoggedOut, UserLoginFailed {
}
