package org.signalaudit.account;

import jakarta.ejb.ApplicationException;

/**
 * A refusal of the account boundary. Each subclass is a distinct, expected outcome that the web
 * tier turns into a problem+json answer; throwing one rolls the transaction back, so a refused
 * request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class AccountException extends RuntimeException {

    protected AccountException(String message) {
        super(message, null, false, false);
    }
}
