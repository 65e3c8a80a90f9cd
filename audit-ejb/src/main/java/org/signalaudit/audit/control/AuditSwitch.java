package org.signalaudit.audit.control;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code audit.receivers.enabled=false} makes every audit receiver ignore its signals. It exists
 * for one purpose: the benchmark's "auditing off" baseline (docs/PERFORMANCE.md). An audit system
 * running with it is not one, and says so loudly at start-up.
 */
@ApplicationScoped
public class AuditSwitch {

    private static final Logger LOG = Logger.getLogger(AuditSwitch.class.getName());

    @Inject
    @ConfigProperty(name = "audit.receivers.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void warnWhenOff() {
        if (!enabled) {
            LOG.severe("audit.receivers.enabled=false: NOTHING IS AUDITED. This switch is for benchmarks only.");
        }
    }

    public boolean on() {
        return enabled;
    }
}
