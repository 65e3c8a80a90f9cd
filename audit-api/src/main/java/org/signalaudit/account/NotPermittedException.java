package org.signalaudit.account;

/** The caller is authenticated but their role does not allow this particular request. */
public class NotPermittedException extends AccountException {

    public NotPermittedException(String message) {
        super(message);
    }
}
