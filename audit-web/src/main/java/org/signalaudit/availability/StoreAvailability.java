package org.signalaudit.availability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What this instance last learned about its database, so that an outage is paid for once, not
 * by every request: once a request has found the database unreachable, the others are refused
 * (503) without trying, and every {@value #PROBE_MILLIS} ms one request is let through to probe.
 * The first that reaches the database again reopens the way for all. Without this, each request
 * of an outage tried twice to open a connection and logged every failure with its traces, and
 * under 32 clients on two cores the answers took seconds.
 *
 * <p>It only ever turns requests away faster; it decides nothing about who may do what, and
 * each instance keeps its own (DESIGN: nothing that decides security lives in memory).
 */
@ApplicationScoped
public class StoreAvailability {

    static final long PROBE_MILLIS = 500;
    private static final long UP = Long.MIN_VALUE;

    /** {@link #UP}, or the moment (System.nanoTime) after which the next request may probe. */
    private final AtomicLong nextProbe = new AtomicLong(UP);

    @Inject
    MetricRegistry metrics;

    /** The breaker's state as a MicroProfile gauge: {@code audit_store_breaker_open} is 1 while requests are turned away. */
    @PostConstruct
    void register() {
        metrics.gauge(Metadata.builder().withName("audit_store_breaker_open")
                .withDescription("1 while this instance turns requests away because its database was found "
                        + "unreachable (one request probes every " + PROBE_MILLIS + " ms), 0 otherwise").build(),
                this, availability -> availability.knownDown() ? 1 : 0);
    }

    /**
     * Whether the caller should use the database: yes while it is up; while it is down, only
     * the one caller whose turn it is to probe.
     */
    public boolean mayTry() {
        long next = nextProbe.get();
        if (next == UP) {
            return true;
        }
        long now = System.nanoTime();
        return now - next >= 0 && nextProbe.compareAndSet(next, now + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS));
    }

    /** A request found the database unreachable. */
    public void down() {
        nextProbe.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS));
    }

    /** A request reached the database. */
    public void up() {
        if (nextProbe.get() != UP) {
            nextProbe.set(UP);
        }
    }

    public boolean knownDown() {
        return nextProbe.get() != UP;
    }
}
