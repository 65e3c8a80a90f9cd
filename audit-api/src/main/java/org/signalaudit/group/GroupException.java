package org.signalaudit.group;

import jakarta.ejb.ApplicationException;

/**
 * A refusal of the group boundary: an expected outcome the web tier turns into problem+json.
 * Throwing one rolls the transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class GroupException extends RuntimeException {

    protected GroupException(String message) {
        super(message, null, false, false);
    }
}
