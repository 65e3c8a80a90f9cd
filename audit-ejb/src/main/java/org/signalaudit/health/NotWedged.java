package org.signalaudit.health;

import java.lang.management.ManagementFactory;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed (this bean exists only then) and no threads are
 * deadlocked: a deadlock never heals by itself, so a restart is the only cure, which is what a
 * failed liveness check asks for. A database outage is not a reason to restart: readiness says it.
 */
@Liveness
@ApplicationScoped
public class NotWedged implements HealthCheck {

    static final String NAME = "application";

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named(NAME).status(count == 0).withData("deployed", true)
                .withData("deadlockedThreads", count).build();
    }
}
