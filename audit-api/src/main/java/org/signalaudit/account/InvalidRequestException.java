package org.signalaudit.account;

/** The request is well-formed JSON but asks for something that makes no sense (HTTP 400). */
public class InvalidRequestException extends AccountException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
