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
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.signalaudit.audit.seal.V11__Carry_chained_rows_into_the_tree;
import org.signalaudit.configuration.Database;
import org.signalaudit.configuration.RejectedSetting;
import org.signalaudit.configuration.control.FailedStart;

/**
 * Defines the application's own datasource and brings its schema to the current version before
 * anything uses it. Every start-up bean that touches JPA is {@code @DependsOn} this one.
 *
 * <p>The datasource is configured by MicroProfile Config ({@code audit.db.*}, overridden by
 * {@code AUDIT_DB_URL}, {@code AUDIT_DB_USER}, {@code AUDIT_DB_PASSWORD} and
 * {@code AUDIT_DB_DATASOURCE}, which follows from the URL unless it is set); without configuration
 * it is the embedded H2 file database. {@link StoreLogin} has refused what it cannot use
 * before the persistence unit logged in; a database that cannot be reached within the pool's login timeout, or
 * a schema that cannot be migrated, stops the deployment here with one line that says so.
 *
 * <p>Payara resolves the definition once early, where only system properties and environment
 * variables are visible, not the application's configuration sources, and warns of each value
 * it cannot find there. The defaults after ':' (those of microprofile-config.properties) silence
 * that for the URL and the credentials. The class has none: a default is then used for the pool
 * itself (measured: H2's class with a PostgreSQL URL), while without one Payara resolves it again
 * where {@code DataSourceClassSource} derives it from the URL; so that one warning stays
 * (QuietLogsIT names it).
 *
 * <p>The pool holds at most 10 connections, HikariCP's default, not Payara's 32: by HikariCP's
 * pool-sizing rule a database does the most work with about twice as many transactions in flight
 * as it has cores, and more only queue inside it, where they contend for its locks and its WAL.
 * On two cores pgbench running the transition's statements did 745 transactions/s with 8 clients and 465 with 32, and the
 * application, its 32 request threads each taking a connection, fell the same way (218 audited
 * transitions/s at 8 clients, 159 at 32); with 10 connections its 32 clients did 262, the others
 * waiting in the pool, where a wait costs no CPU (docs/PERFORMANCE.md, run 25). N instances on one
 * database hold up to 10 N.
 *
 * <p>The pool is set up so that a database outage fails requests fast and heals by itself:
 * <ul>
 * <li>a connection is validated when it leaves the pool with JDBC 4's {@code isValid} (a
 * round trip; the default "auto-commit" check costs none on PostgreSQL and so never notices a
 * restarted server), and one invalid connection drops them all: after a restart no request gets
 * a dead connection once a second has passed. At most once a second per connection: Payara
 * validates on every {@code getConnection}, also of a connection the transaction already holds
 * (the caller's read, the request context, each audit row's insert, the trail): several round
 * trips per audited transition, 5 % of the request threads' CPU and as many statements for the
 * database (docs/PERFORMANCE.md, run 19's profile and run 20);</li>
 * <li>opening a connection gives up after {@code loginTimeout} (5 s) and waiting for a free one
 * after {@code max-wait-time} (2 s, not Payara's 60): a connection is held for one transaction at a
 * time, milliseconds, so a wait of 2 s means all 10 are held by requests stuck on a database that
 * does not answer; waiting 5 s, requests that queued behind them as the database went down
 * were answered 503 only after 5.2-5.5 s (DatabaseOutageIT);</li>
 * <li>PostgreSQL's {@code socketTimeout} (60 s) ends a read from a server that vanished without
 * closing the connection (a network partition); no query of this application runs that long.</li>
 * <li>PostgreSQL's {@code reWriteBatchedInserts} sends a JDBC batch of INSERTs as multi-row
 * INSERTs: the sealer's leaves and tree nodes, hundreds a round under load, cost the database a
 * few statements instead of one each.</li>
 * </ul>
 * Drivers without such properties (H2) ignore them.
 * EclipseLink's own retry of a failed read (three more, five seconds apart) is cut to one
 * immediate retry by {@link StoreLogin}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=audit.db.datasource}",
        url = "${MPCONFIG=audit.db.url:jdbc:h2:file:./signal-audit-data/audit;AUTO_SERVER=FALSE}",
        user = "${MPCONFIG=audit.db.user:sa}",
        password = "${MPCONFIG=audit.db.password:sa}",
        minPoolSize = 2,
        maxPoolSize = 10,
        loginTimeout = 5,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=2000",
                "socketTimeout=60",
                "reWriteBatchedInserts=true"
        })
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/signalaudit";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private static final String DB_URL = "audit.db.url";

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = DB_URL)
    String url;

    @Inject
    @ConfigProperty(name = "audit.db.user")
    String user;

    /** The schema version this start migrated to, for the readiness check. */
    private volatile String schemaVersion;

    /** Fails the deployment loudly: an application on a schema it does not know must not run. */
    @PostConstruct
    void migrate() {
        String vendor = vendor();
        try {
            var result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .failOnMissingLocations(false)
                    .javaMigrations(new V5__Link_existing_audit_rows(), new V11__Carry_chained_rows_into_the_tree())
                    .load()
                    .migrate();
            String version = Objects.requireNonNullElse(result.targetSchemaVersion, result.initialSchemaVersion);
            schemaVersion = version;
            LOG.info(() -> "Schema at version " + version + " (" + result.migrationsExecuted
                    + " migrations applied now)");
        } catch (FlywayException e) {
            throw FailedStart.stop(new IllegalStateException("The schema of " + Database.withoutParameters(url)
                    + " cannot be migrated, the application does not start: " + firstLine(e.getMessage())
                    + " (fix the database or restore it; the migrations are in audit-ejb, db/migration)", e));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
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
            throw FailedStart.stop(new RejectedSetting(DB_URL, "cannot connect to " + Database.withoutParameters(url)
                    + " as " + user + ": " + firstLine(e.getMessage())
                    + " (is the database up, and are the URL, user and password right?)"));
        }
    }

    /** The schema version the migrations brought the database to at this start. */
    @Lock(LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The application's datasource, for code that writes with JDBC inside the current transaction. */
    @Lock(LockType.READ)
    public DataSource dataSource() {
        return dataSource;
    }
}
