package org.signalaudit.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.signalaudit.store.SchemaMigration;

/**
 * Ready only while the database's schema is the one this build migrated to at start-up: the
 * newest successful migration in Flyway's history is that version and no migration failed. A
 * database restored from an older backup, or migrated by a newer build, is not ready for this one.
 */
@Readiness
@ApplicationScoped
public class SchemaCurrent implements HealthCheck {

    static final String NAME = "migrations";
    private static final String HISTORY = "SELECT version, success FROM flyway_schema_history "
            + "WHERE version IS NOT NULL ORDER BY installed_rank DESC";

    @Inject
    SchemaMigration store;

    @Override
    public HealthCheckResponse call() {
        String expected = store.schemaVersion();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("expected", String.valueOf(expected));
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery(HISTORY)) {
            if (!history.next()) {
                return response.down().withData("found", "no migration").build();
            }
            String found = history.getString(1);
            boolean succeeded = history.getBoolean(2);
            return response.status(succeeded && Objects.equals(found, expected)).withData("found", found)
                    .withData("succeeded", succeeded).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
                    .build();
        }
    }
}
