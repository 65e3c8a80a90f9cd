package org.signalaudit.account;

/** The columns a list of users can be ordered by; ties are broken by username. */
public enum UserSort {
    USERNAME,
    EMAIL,
    ROLE,
    STATE
}
