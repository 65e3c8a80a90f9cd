package org.signalaudit.account;

/**
 * Unknown user, wrong token, or an invitation already used: one answer for all three, so the
 * endpoint does not tell which usernames exist.
 */
public class InvalidInvitationException extends AccountException {

    public InvalidInvitationException() {
        super("The invitation is invalid or has already been used");
    }
}
