package org.signalaudit.account;

/** Another transaction changed the user between our read and our write (optimistic lock). */
public class ConcurrentChangeException extends AccountException {

    public ConcurrentChangeException(String username) {
        super("User '" + username + "' was changed concurrently; reload and try again");
    }
}
