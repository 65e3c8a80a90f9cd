package org.signalaudit.availability;

/**
 * A request turned away without trying the database, because another request found it
 * unreachable moments ago ({@link StoreAvailability}). No stack trace: it is thrown by the
 * hundred during an outage and says everything in its type.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException() {
        super("The database was unreachable moments ago; not tried again yet", null, false, false);
    }
}
