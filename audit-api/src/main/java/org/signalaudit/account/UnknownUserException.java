package org.signalaudit.account;

public class UnknownUserException extends AccountException {

    public UnknownUserException(String username) {
        super("No user is named '" + username + "'");
    }
}
