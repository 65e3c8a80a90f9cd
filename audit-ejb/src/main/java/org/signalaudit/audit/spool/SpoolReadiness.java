package org.signalaudit.audit.spool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outage spool in the readiness answer, as detail only: always UP. Rows waiting in it are no
 * reason to take the instance out of service (it serves as well as any, and writing them needs
 * the database, which the {@code database} check already watches); an operator sees how many wait
 * and whether the spool could be opened at all.
 */
@Readiness
@ApplicationScoped
public class SpoolReadiness implements HealthCheck {

    @Inject
    OutageSpool spool;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outage-spool").up()
                .withData("waitingRows", spool.pending())
                .withData("open", spool.isOpen())
                .withData("file", spool.location())
                .build();
    }
}
