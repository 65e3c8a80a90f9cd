package org.signalaudit.audit.seal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the sealed log: DOWN when a verification failed (tampering found) or when the oldest
 * committed row has waited longer than {@code audit.seal.lag-bound} seconds (default 30) to be
 * sealed: a transaction held open, a stopped sealer, an unreachable database.
 */
@Readiness
@ApplicationScoped
public class SealedLogReadiness implements HealthCheck {

    @Inject
    SealMonitor monitor;

    @Inject
    @ConfigProperty(name = "audit.seal.lag-bound", defaultValue = "30")
    long lagBoundSeconds;

    @Override
    public HealthCheckResponse call() {
        String problem = monitor.verificationProblem();
        long lag = monitor.lagMillis();
        boolean up = problem == null && lag <= lagBoundSeconds * 1000;
        var response = HealthCheckResponse.named("sealed-audit-log").status(up)
                .withData("sealLagMillis", lag)
                .withData("sealLagBoundSeconds", lagBoundSeconds);
        if (problem != null) {
            response.withData("verification", problem);
        }
        return response.build();
    }
}
