package org.signalaudit.account;

public class UsernameTakenException extends AccountException {

    public UsernameTakenException(String username) {
        super("A user is already named '" + username + "'");
    }
}
