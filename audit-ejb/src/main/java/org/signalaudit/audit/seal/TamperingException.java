package org.signalaudit.audit.seal;

/** The sealed log's tables are not as the sealer left them: someone changed them behind the application. */
public class TamperingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TamperingException(String message) {
        super(message);
    }
}
