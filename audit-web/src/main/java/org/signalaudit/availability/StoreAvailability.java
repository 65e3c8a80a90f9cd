package org.signalaudit.availability;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The database-outage circuit breaker, MicroProfile Fault Tolerance's: an outage is paid for
 * once, not by every request. The first request that finds the database unreachable opens it;
 * then every request is turned away (503) at once with a {@code CircuitBreakerOpenException},
 * without trying, for {@value #DELAY_MILLIS} ms (the breaker's delay); then one request at a time
 * is let through to try ({@link #foundDown}): the first that reaches the database closes it, the
 * first that does not opens it for another delay. Without it, each request of an outage tried to
 * open a connection and logged every failure with its traces, and under 32 clients on two cores
 * the answers took seconds.
 *
 * <p>Only what {@link #reach} runs counts: the sign-in's reading of the account, which every API
 * request and every sign-in makes before anything else, so the breaker opens on the first of
 * them. A failure of the store counts ({@link StoreUnavailableException}); any other failure says
 * the database answered, and counts as a success. An outage found elsewhere (by a resource, by a
 * screen of a signed-in admin) is answered 503 where it is found but not counted: the breaker
 * knows only the calls it guards, and the next sign-in finds the outage itself.
 *
 * <p>MicroProfile Fault Tolerance keeps the state, per method and per instance (DESIGN: nothing
 * that decides security lives in memory; this only ever turns requests away faster). Its delay
 * is a MicroProfile Config setting,
 * {@code org.signalaudit.availability.StoreAvailability/reach/CircuitBreaker/delay} (README;
 * checked at start-up by configuration.control.ConfigurationCheck).
 *
 * <p>Not used: {@code @Timeout}, because the wait for a connection is bounded by the pool
 * already ({@code loginTimeout}, {@code max-wait-time-in-millis}: 5 s), Payara's timeout
 * interrupts the thread, which does not end a blocking JDBC connect, and the reading includes
 * the password's hash, whose time depends on the CPU's load, not on the database; {@code @Retry},
 * because trying again during an outage is what the breaker is there to prevent; {@code @Fallback},
 * because the caller answers the refusal itself (503 problem+json or the unavailable page).
 */
@ApplicationScoped
public class StoreAvailability {

    static final long DELAY_MILLIS = 500;

    /**
     * Set by a call that found the database unreachable (which opens the breaker), cleared by one
     * that reached it (which closes it). Two uses, each something MicroProfile Fault Tolerance
     * does not give: the gauge (it publishes how long its breaker spent in each state, not the
     * state it is in), and one attempt at a time while the database is known down (the spec's
     * half-open state permits "one trial call by default", but Payara lets every call through
     * while half-open: under 32 clients, a herd every {@value #DELAY_MILLIS} ms, each waiting on a
     * connection attempt and logging its failure).
     */
    private volatile boolean foundDown;

    /** Whether a call is trying the database while it is known down. */
    private final AtomicBoolean trying = new AtomicBoolean();

    @Inject
    MetricRegistry metrics;

    /** {@code audit_store_breaker_open}: 1 from a failed attempt until one reaches the database again. */
    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("audit_store_breaker_open")
                .withDescription("1 while this instance turns requests away because its database was found "
                        + "unreachable (after the breaker's delay, one request at a time tries again, until "
                        + "one reaches it), 0 otherwise").build(),
                this, availability -> availability.foundDown ? 1 : 0);
    }

    /**
     * {@code work}'s result, if the breaker lets it run; while it is open, or while another call
     * tries the database it was found down, a {@link CircuitBreakerOpenException} instead, and
     * {@code work} is not run.
     *
     * @throws StoreUnavailableException if {@code work} found the database unreachable (its cause
     *         says how); the breaker counts it
     */
    @CircuitBreaker(failOn = StoreUnavailableException.class, requestVolumeThreshold = 1, failureRatio = 1.0,
            delay = DELAY_MILLIS, delayUnit = ChronoUnit.MILLIS, successThreshold = 1)
    public <T> T reach(Supplier<T> work) {
        boolean probe = foundDown;
        if (probe && !trying.compareAndSet(false, true)) {
            // Not a failure of the store (not in failOn): it neither opens nor closes the breaker.
            throw new CircuitBreakerOpenException("Another request is trying the database, found unreachable");
        }
        try {
            T result = work.get();
            foundDown = false;
            return result;
        } catch (RuntimeException e) {
            if (!StoreOutage.causedBy(e)) {
                foundDown = false;
                throw e;
            }
            foundDown = true;
            throw new StoreUnavailableException(e);
        } finally {
            if (probe) {
                trying.set(false);
            }
        }
    }

    /** What the gauge shows: whether the last attempt found the database unreachable. */
    boolean foundDown() {
        return foundDown;
    }
}
