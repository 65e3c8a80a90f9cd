package org.signalaudit.account;

/** The transition table has no edge for this event from the user's current state. */
public class IllegalTransitionException extends AccountException {

    public IllegalTransitionException(String username, UserState from, StateEvent event) {
        super(event + " is not allowed from " + from + " (user '" + username + "')");
    }
}
