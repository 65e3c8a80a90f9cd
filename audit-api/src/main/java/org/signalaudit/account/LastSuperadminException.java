package org.signalaudit.account;

/**
 * The change would leave the system without an ACTIVE SUPERADMIN, and then no one could ever
 * administer it again (issue 17): refused whoever asks, by whatever path.
 */
public class LastSuperadminException extends AccountException {

    public static final String MESSAGE = "at least one active superadmin must remain";

    public LastSuperadminException(String username) {
        super(MESSAGE + " ('" + username + "' is the last one)");
    }
}
