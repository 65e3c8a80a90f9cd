package org.signalaudit.availability;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.resource.ResourceException;

/**
 * Tells "the database cannot be reached" from every other failure. The cause is found at any
 * depth of the chain, because by the time it reaches a mapper it is wrapped several times over:
 * EJBException, PersistenceException, EclipseLink's DatabaseException, the pool's SQLException,
 * the connector's ResourceException, the driver's PSQLException, the socket's ConnectException.
 *
 * <p>Unavailable means: the pool could not give a connection (a {@link ResourceException},
 * refused or timed-out connections, an exhausted pool), the driver reports a connection failure
 * (SQLState class 08), the server is shutting down, starting up or out of connection slots
 * (57P01, 57P02, 57P03, 53300), or the transaction manager reports the resource manager failed
 * or the commit lost its connection ({@link XAException} {@code XAER_RMFAIL}, {@code XA_RBCOMMFAIL}).
 * A constraint violation, a syntax error or a serialisation failure is not an outage: it is a
 * fault or a conflict, and keeps its own answer. A failed commit whose cause Payara did not keep
 * is neither, until the database has been asked ({@link #commitFailedUnexplained}).
 */
public final class StoreOutage {

    /** What a 503 asks the client to wait before trying again, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_DEPTH = 64;
    /** Payara's JDBC connection pool, and how deep in a stack trace it is looked for. */
    private static final String PAYARA_POOL = "com.sun.enterprise.resource.";
    private static final int POOL_FRAMES = 12;

    private StoreOutage() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        return cause(failure).isPresent();
    }

    /**
     * For a log line: the link of the chain that says the database cannot be reached, on one
     * line ("PSQLException: Connection to db:5432 refused. ..."), without the layers around it.
     */
    public static String reason(Throwable failure) {
        return oneLine(cause(failure).orElseGet(() -> deepest(failure)));
    }

    private static String oneLine(Throwable t) {
        return t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
    }

    /** The innermost link of the chain (a failed commit's flattened message, for instance). */
    private static Throwable deepest(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable last = failure;
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = next(t)) {
            last = t;
        }
        return last;
    }

    private static Optional<Throwable> cause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = next(t)) {
            // A StoreUnavailableException with a cause only wraps the failure that says more.
            if (unavailable(t) && !(t instanceof StoreUnavailableException && t.getCause() != null)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof StoreUnavailableException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ResourceException || t instanceof ConnectException
                || t instanceof NoRouteToHostException) {
            return true;
        }
        if (t instanceof XAException xa) {
            return xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        return false;
    }

    /**
     * Whether {@code failure} is a commit that the database refused for a reason nobody kept:
     * Payara's ConnectorXAResource flattens the ResourceException of a failed local commit into
     * the message of an {@code XAER_RMERR} and drops its cause. A connection the server ended
     * and a deferred constraint that failed look the same; only asking the database tells them
     * apart ({@link StoreProbe}).
     */
    public static boolean commitFailedUnexplained(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = next(t)) {
            if (t instanceof XAException xa && xa.errorCode == XAException.XAER_RMERR && t.getCause() == null
                    && String.valueOf(xa.getMessage()).startsWith("jakarta.resource.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} came out of Payara's connection pool as something that is neither a
     * SQLException nor a ResourceException, so it says nothing of the database: when the database
     * goes away under load, the pool's fail-all-connections can throw an IllegalStateException
     * ("Task already scheduled or cancelled", its resizer timer scheduled twice) to the request
     * whose connection it found invalid (DatabaseOutageIT, 2026-12-01). Only asking the database
     * tells whether it was the outage ({@link StoreProbe}).
     */
    public static boolean poolFailedUnexplained(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= MAX_DEPTH; t = next(t)) {
            if (!(t instanceof SQLException) && !(t instanceof ResourceException) && thrownByThePool(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByThePool(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, POOL_FRAMES); i++) {
            if (frames[i].getClassName().startsWith(PAYARA_POOL)) {
                return true;
            }
        }
        return false;
    }

    /** The cause, or for a SQLException without one the next exception of its chain. */
    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        return t instanceof SQLException sql ? sql.getNextException() : null;
    }
}
