package org.signalaudit.audit;

import java.time.Instant;

import org.signalaudit.signal.LoginSignal;
import org.signalaudit.signal.RequestCompleted;

/**
 * Keeps the request and login rows that could not be written because the database was
 * unavailable, in a local file, to write them when it is back (docs/INTEGRITY.md, "Rows kept
 * through a database outage"). Only for an outage: a row refused for any other reason (a
 * constraint, a bug) is a fault to report, not to retry.
 *
 * <p>Never waits for room and never throws: it answers whether the row is kept, once it is on
 * disk (a force of the file, about a millisecond). False means it is lost (the spool is full or
 * cannot be written), counted and logged by the spool itself.
 */
public interface AuditSpool {

    /** Keeps the request's {@code request_audit} row; true once it is on disk (fsync'd). */
    boolean keep(RequestCompleted request);

    /**
     * Keeps the {@code login_audit} row of {@code signal}, as it would have been written at
     * {@code occurredAt}, with the client, agent and request id of the current request.
     */
    boolean keep(LoginSignal signal, Instant occurredAt);
}
