package org.signalaudit.health;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.signalaudit.store.SchemaMigration;

/**
 * Ready only while the database answers: a connection from the application's pool (which
 * validates it) and a round trip. Without the database every request would fail with a 503, so
 * a load balancer should send them elsewhere.
 */
@Readiness
@ApplicationScoped
public class StoreReachable implements HealthCheck {

    static final String NAME = "database";
    private static final int ROUND_TRIP_SECONDS = 2;

    @Inject
    SchemaMigration store;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = store.dataSource().getConnection()) {
            boolean valid = connection.isValid(ROUND_TRIP_SECONDS);
            return HealthCheckResponse.named(NAME).status(valid)
                    .withData("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", String.valueOf(e.getMessage()).lines().findFirst().orElse("")).build();
        }
    }
}
