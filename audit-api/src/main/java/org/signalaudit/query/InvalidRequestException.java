package org.signalaudit.query;

import jakarta.ejb.ApplicationException;

/**
 * The request is well-formed but asks for something that makes no sense (HTTP 400): a limit out
 * of range, a date that cannot be stored, a body whose fields contradict each other. Any
 * component may refuse with it; throwing it rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
