package org.signalaudit.account;

/** The states of a user account's life cycle (DESIGN.md, "The user FSM"). */
public enum UserState {
    INVITED,
    ACTIVE,
    LOCKED,
    DEACTIVATED
}
