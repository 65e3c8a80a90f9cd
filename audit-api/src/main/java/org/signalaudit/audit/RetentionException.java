package org.signalaudit.audit;

import jakarta.ejb.ApplicationException;

/** A refusal of retention or of a legal hold: an expected outcome the web tier turns into problem+json. */
@ApplicationException(rollback = true, inherited = true)
public abstract class RetentionException extends RuntimeException {

    protected RetentionException(String message) {
        super(message, null, false, false);
    }
}
