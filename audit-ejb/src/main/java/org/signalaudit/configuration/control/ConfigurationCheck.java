package org.signalaudit.configuration.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.audit.forward.SyslogDestination;
import org.signalaudit.audit.spool.OutageSpool;
import org.signalaudit.audit.spool.SpoolReplay;
import org.signalaudit.configuration.Database;
import org.signalaudit.configuration.RejectedSetting;

/**
 * Refuses every setting the application could only half use: a JDBC URL of a database it does
 * not know, a DataSource class that is missing or belongs to another database than the URL, a
 * database that cannot be reached (after the pool's login timeout), numbers out of their range, a
 * duration that is none. A setting that is not given keeps its default, which is valid by
 * construction.
 *
 * <p>It runs when the persistence unit is about to log in ({@code store.StoreLogin}): Payara logs
 * it in while it prepares the deployment, before any bean of the application exists, so a
 * {@code @Startup} bean would come too late to be the first to say what is wrong.
 */
public final class ConfigurationCheck {

    static final String DB_URL = "audit.db.url";
    static final String DB_USER = "audit.db.user";
    static final String DB_DATASOURCE = "audit.db.datasource";

    private final Config config;

    private ConfigurationCheck(Config config) {
        this.config = config;
    }

    /** Checks the configuration and that {@code login}'s database answers; stops the start-up otherwise. */
    public static void beforeLogin(DatabaseLogin login) {
        var check = new ConfigurationCheck(ConfigProvider.getConfig(ConfigurationCheck.class.getClassLoader()));
        try {
            check.settings();
            if (login.getConnector() instanceof JNDIConnector connector && connector.getDataSource() != null) {
                check.reachable(connector.getDataSource());
            }
        } catch (RejectedSetting rejected) {
            throw FailedStart.stop(rejected);
        }
    }

    private void settings() {
        dataSourceClass(database());
        atLeast("audit.password.iterations", PasswordHashing.MINIMUM_ITERATIONS);
        atLeast("audit.password.verified-cache-seconds", 0);
        atLeast("audit.lockout.max-failures", 1);
        atLeast("audit.api.max-body-bytes", 1);
        positiveDuration("audit.invitation.ttl");
        atLeast(OutageSpool.MAX_BYTES, OutageSpool.MIN_BYTES);
        atLeast(SpoolReplay.INTERVAL, SpoolReplay.MIN_INTERVAL);
        SyslogDestination.configured(config);
    }

    private Database database() {
        String url = value(DB_URL).orElseThrow(() -> new RejectedSetting(DB_URL, "not set"));
        return Database.of(url).orElseThrow(() -> new RejectedSetting(DB_URL, "unknown JDBC URL scheme in '"
                + Database.withoutParameters(url) + "': use " + Database.knownSchemes()));
    }

    /** Only an explicit override can be wrong: without one, the class follows from the URL. */
    private void dataSourceClass(Database database) {
        String className = value(DB_DATASOURCE).orElse(database.dataSourceClass());
        Optional<Database> other = Arrays.stream(Database.values())
                .filter(known -> known != database && known.dataSourceClass().equals(className)).findFirst();
        if (other.isPresent()) {
            throw new RejectedSetting(DB_DATASOURCE, className + " is " + other.get() + "'s DataSource but "
                    + RejectedSetting.environmentVariable(DB_URL) + " names a " + database
                    + " database: leave it unset, the class follows from the URL");
        }
        try {
            Class.forName(className, false, ConfigurationCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RejectedSetting(DB_DATASOURCE, "class " + className + " is not on the class path");
        }
    }

    /** One connection, before EclipseLink's: its failure is worth one line, not a page of pool errors. */
    private void reachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(0);
        } catch (SQLException e) {
            String cause = firstLine(innermost(e));
            throw new RejectedSetting(DB_URL, "cannot connect to " + Database.withoutParameters(value(DB_URL).orElseThrow())
                    + " as " + value(DB_USER).orElse("(no user)") + ": " + cause
                    + " (is the database up, and are the URL, user and password right?)");
        }
    }

    /** The pool wraps the driver's message in three layers of its own; the driver's says what is wrong. */
    private static Throwable innermost(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost;
    }

    private static String firstLine(Throwable failure) {
        return Optional.ofNullable(failure.getMessage()).map(text -> text.strip().lines().findFirst().orElse(""))
                .orElse(failure.getClass().getSimpleName());
    }

    private void atLeast(String property, long minimum) {
        value(property).ifPresent(text -> {
            long number;
            try {
                number = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new RejectedSetting(property, "'" + text + "' is not a whole number");
            }
            if (number < minimum || number > Integer.MAX_VALUE) {
                throw new RejectedSetting(property, number + " is out of range: at least " + minimum
                        + (minimum == 0 ? " (0 turns it off)" : ""));
            }
        });
    }

    private void positiveDuration(String property) {
        value(property).ifPresent(text -> {
            Duration duration;
            try {
                duration = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new RejectedSetting(property, "'" + text + "' is not an ISO-8601 duration such as P7D or PT12H");
            }
            if (duration.compareTo(Duration.ZERO) <= 0) {
                throw new RejectedSetting(property, text + " is out of range: it must be longer than zero");
            }
        });
    }

    private Optional<String> value(String property) {
        return config.getOptionalValue(property, String.class).filter(text -> !text.isBlank());
    }
}
