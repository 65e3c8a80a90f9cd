package org.signalaudit.account;

/**
 * What moved a user from one state to another. INVITE creates the account, OVERRIDE is the
 * superadmin's bypass of the transition table; the others are the table's own events.
 */
public enum StateEvent {
    INVITE,
    ACTIVATE,
    LOCK,
    UNLOCK,
    DEACTIVATE,
    REACTIVATE,
    OVERRIDE
}
