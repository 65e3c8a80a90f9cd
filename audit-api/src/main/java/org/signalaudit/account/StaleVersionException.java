package org.signalaudit.account;

/** The caller's If-Match version is not the user's current version: the caller saw an old state. */
public class StaleVersionException extends AccountException {

    public StaleVersionException(String username, long expected, long actual) {
        super("User '" + username + "' is at version " + actual + ", not " + expected);
    }

    /** The version was current when read, and another change overtook it before the write. */
    public StaleVersionException(String username, long expected) {
        super("User '" + username + "' is no longer at version " + expected + ": it was changed concurrently");
    }
}
