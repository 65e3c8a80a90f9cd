package org.signalaudit.audit.forward;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What the forwarder reports: how far the copy lags (leaves not yet sent, and the age of the oldest
 * of them), how many messages this instance sent, how many attempts failed, and one WARNING when
 * forwarding starts failing (not one per attempt) with one INFO when it works again.
 *
 * <p>No readiness check: an instance that cannot reach the receiver serves requests as well as
 * any, and taking it out of a load balancer would stop business for the sake of a copy that
 * catches up by itself. Alert on the lag instead.
 */
@ApplicationScoped
public class ForwardMonitor {

    private static final Logger LOG = Logger.getLogger(ForwardMonitor.class.getName());

    @Inject
    MetricRegistry metrics;

    private final AtomicLong lagLeaves = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private Counter forwarded;
    private Counter failures;

    @PostConstruct
    void register() {
        forwarded = metrics.counter(Metadata.builder().withName("audit_forwarded")
                .withDescription("Syslog messages (sealed rows and checkpoints) this instance sent and the receiver "
                        + "read").build());
        failures = metrics.counter(Metadata.builder().withName("audit_forward_failures")
                .withDescription("Failed attempts to forward the sealed audit log to syslog").build());
        metrics.gauge(Metadata.builder().withName("audit_forward_backlog")
                .withDescription("Sealed leaves not yet forwarded to syslog").build(), this,
                monitor -> monitor.lagLeaves.get());
        metrics.gauge(Metadata.builder().withName("audit_forward_lag").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest sealed leaf not yet forwarded to syslog").build(), this,
                monitor -> monitor.lagMillis.get() / 1000.0);
    }

    void lag(long leaves, long millis) {
        lagLeaves.set(leaves);
        lagMillis.set(millis);
    }

    void forwarded(int messages) {
        forwarded.inc(messages);
    }

    void failed(SyslogDestination destination, long nextLeaf, Exception e) {
        failures.inc();
        String now = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (problem.getAndSet(now) == null) {
            LOG.warning(() -> "Forwarding the sealed audit log to " + destination + " fails (" + now + "); the copy "
                    + "waits at leaf " + nextLeaf + ", nothing is lost; retrying, at most every "
                    + Forwarder.MAX_BACKOFF_MILLIS / 1000 + " s");
        }
    }

    void works(SyslogDestination destination, long nextLeaf) {
        if (problem.getAndSet(null) != null) {
            LOG.info(() -> "Forwarding the sealed audit log to " + destination + " works again (at leaf " + nextLeaf
                    + ")");
        }
    }
}
