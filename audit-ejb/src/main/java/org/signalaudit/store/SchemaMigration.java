package org.signalaudit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;
import org.signalaudit.audit.seal.V11__Carry_chained_rows_into_the_tree;

/**
 * Defines the application's own datasource and brings its schema to the current version before
 * anything uses it. Every start-up bean that touches JPA is {@code @DependsOn} this one.
 *
 * <p>The datasource is configured by MicroProfile Config ({@code audit.db.*}, overridden by
 * {@code AUDIT_DB_URL}, {@code AUDIT_DB_USER}, {@code AUDIT_DB_PASSWORD} and
 * {@code AUDIT_DB_DATASOURCE}); without configuration it is the embedded H2 file database.
 *
 * <p>The pool is set up so that a database outage fails requests fast and heals by itself:
 * <ul>
 * <li>every connection is validated when it leaves the pool with JDBC 4's {@code isValid} (a
 * round trip; the default "auto-commit" check costs none on PostgreSQL and so never notices a
 * restarted server), and one invalid connection drops them all: after a restart no request gets
 * a dead connection;</li>
 * <li>opening a connection gives up after {@code loginTimeout} (5 s) and waiting for a free one
 * after {@code max-wait-time} (5 s, not Payara's 60): beyond that the store is as good as down;</li>
 * <li>PostgreSQL's {@code socketTimeout} (60 s) ends a read from a server that vanished without
 * closing the connection (a network partition); no query of this application runs that long.
 * Drivers without such a property (H2) ignore it.</li>
 * </ul>
 * EclipseLink's own retry of a failed read (three more, five seconds apart) is cut to one
 * immediate retry by {@link FailFastQueries}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=audit.db.datasource}",
        url = "${MPCONFIG=audit.db.url}",
        user = "${MPCONFIG=audit.db.user}",
        password = "${MPCONFIG=audit.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "socketTimeout=60"
        })
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/signalaudit";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    /** Fails the deployment loudly: an application on a schema it does not know must not run. */
    @PostConstruct
    void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .failOnMissingLocations(false)
                .javaMigrations(new V5__Link_existing_audit_rows(), new V11__Carry_chained_rows_into_the_tree())
                .load()
                .migrate();
        String version = Objects.requireNonNullElse(result.targetSchemaVersion, result.initialSchemaVersion);
        LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /**
     * The folder of the migrations that differ per database ({@code postgresql}, {@code h2}).
     * Flyway 11 no longer expands a {@code {vendor}} placeholder in locations, so it is resolved here.
     */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.replaceAll("[^a-z0-9]", "");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the datasource is", e);
        }
    }

    /** The application's datasource, for code that writes with JDBC inside the current transaction. */
    @Lock(LockType.READ)
    public DataSource dataSource() {
        return dataSource;
    }
}
