package org.signalaudit.availability;

/**
 * The database cannot be reached: either a request found it so ({@link StoreAvailability#reach},
 * the failure as the cause), or it was turned away without trying because the circuit breaker is
 * open. The latter has no stack trace: it is thrown by the hundred during an outage and says
 * everything in its type.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Turned away without trying: the database was found unreachable moments ago. */
    public StoreUnavailableException() {
        super("The database was unreachable moments ago; not tried again yet", null, false, false);
    }

    /** Tried, and found unreachable: {@code failure} says how ({@link StoreOutage#reason}). */
    public StoreUnavailableException(Throwable failure) {
        super("The database cannot be reached", failure, false, false);
    }
}
