package org.signalaudit.configuration.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.nio.file.Path;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.audit.forward.SyslogDestination;
import org.signalaudit.audit.retention.Retention;
import org.signalaudit.audit.seal.SealKey;
import org.signalaudit.audit.spool.OutageSpool;
import org.signalaudit.audit.spool.SpoolReplay;
import org.signalaudit.configuration.Database;
import org.signalaudit.configuration.RejectedSetting;
import org.signalaudit.proof.SealKeys;

/**
 * Refuses every setting the application could only half use: a JDBC URL of a database it does
 * not know, a DataSource class that is missing or belongs to another database than the URL, a
 * database that cannot be reached (after the pool's login timeout), numbers out of their range, a
 * duration that is none, a seal keystore that is missing, unreadable, locked by another password
 * or without its one Ed25519 key. A setting that is not given keeps its default, which is valid by
 * construction. Every refused setting is named, each on its own line, before the start stops.
 *
 * <p>It runs when the persistence unit is about to log in ({@code store.StoreLogin}): Payara logs
 * it in while it prepares the deployment, before any bean of the application exists, so a
 * {@code @Startup} bean would come too late to be the first to say what is wrong.
 */
public final class ConfigurationCheck {

    static final String DB_URL = "audit.db.url";
    static final String DB_USER = "audit.db.user";
    static final String DB_DATASOURCE = "audit.db.datasource";
    static final String SEAL_KEYSTORE = "audit.seal.keystore";
    static final String SEAL_KEYSTORE_PASSWORD = "audit.seal.keystore-password";
    static final String SIGN_IN_DELAY_INITIAL = "audit.sign-in-delay.initial-seconds";
    static final String SIGN_IN_DELAY_MAX = "audit.sign-in-delay.max-seconds";
    /**
     * MicroProfile Fault Tolerance's own key for the delay of the web tier's database-outage breaker
     * (availability.StoreAvailability, milliseconds): a value it cannot use would fail every sign-in.
     */
    static final String OUTAGE_BREAKER_DELAY = "org.signalaudit.availability.StoreAvailability/reach/CircuitBreaker/delay";
    /** The defaults the beans declare, where a check of another setting needs the value. */
    private static final Map<String, Long> DEFAULTS = Map.of(SIGN_IN_DELAY_INITIAL, 1L, SIGN_IN_DELAY_MAX, 300L);

    private final Config config;

    private ConfigurationCheck(Config config) {
        this.config = config;
    }

    /** Checks the configuration and that {@code login}'s database answers; stops the start-up otherwise. */
    public static void beforeLogin(DatabaseLogin login) {
        var check = new ConfigurationCheck(ConfigProvider.getConfig(ConfigurationCheck.class.getClassLoader()));
        List<RejectedSetting> rejected = check.settings();
        if (!rejected.isEmpty()) {
            throw FailedStart.stop(rejected);
        }
        try {
            if (login.getConnector() instanceof JNDIConnector connector && connector.getDataSource() != null) {
                check.reachable(connector.getDataSource());
            }
        } catch (RejectedSetting unreachable) {
            throw FailedStart.stop(unreachable);
        }
    }

    /** Every setting of {@code config} that is refused (the database is not asked). */
    static List<RejectedSetting> refused(Config config) {
        return new ConfigurationCheck(config).settings();
    }

    /** Every setting refused, each on its own line: an operator fixes them all before the next start. */
    private List<RejectedSetting> settings() {
        List<RejectedSetting> rejected = new ArrayList<>();
        Optional<Database> database = checked(rejected, this::database);
        database.ifPresent(known -> check(rejected, () -> dataSourceClass(known)));
        checked(rejected, () -> atLeast("audit.password.iterations", PasswordHashing.MINIMUM_ITERATIONS));
        checked(rejected, () -> atLeast("audit.password.verified-cache-seconds", 0));
        checked(rejected, () -> atLeast("audit.lockout.max-failures", 1));
        checked(rejected, () -> atLeast("audit.api.max-body-bytes", 1));
        checked(rejected, () -> between("audit.seal.interval", 10, 60_000));
        checked(rejected, () -> between(Retention.MONTHS, Retention.MIN_MONTHS, Retention.MAX_MONTHS));
        checked(rejected, () -> atLeast("audit.seal.lag-bound", 1));
        checked(rejected, () -> atLeast("audit.verify.interval", 1));
        // The longest delay is bounded below by the first: checked only once the first is usable.
        checked(rejected, () -> atLeast(SIGN_IN_DELAY_INITIAL, 1)).ifPresent(initial -> checked(rejected,
                () -> between(SIGN_IN_DELAY_MAX, initial, Integer.MAX_VALUE)));
        check(rejected, () -> positiveDuration("audit.invitation.ttl"));
        checked(rejected, () -> atLeast(OutageSpool.MAX_BYTES, OutageSpool.MIN_BYTES));
        checked(rejected, () -> between(SpoolReplay.INTERVAL, SpoolReplay.MIN_INTERVAL, SpoolReplay.MAX_INTERVAL));
        checked(rejected, () -> between(OUTAGE_BREAKER_DELAY, 0, 60_000));
        database.ifPresent(known -> check(rejected, () -> sealKey(known)));
        check(rejected, () -> SyslogDestination.configured(config));
        return rejected;
    }

    /** {@code check}'s result, or its refusal added to {@code rejected}. */
    private static <T> Optional<T> checked(List<RejectedSetting> rejected, Supplier<T> check) {
        try {
            return Optional.ofNullable(check.get());
        } catch (RejectedSetting refusal) {
            rejected.add(refusal);
            return Optional.empty();
        }
    }

    private static void check(List<RejectedSetting> rejected, Runnable check) {
        checked(rejected, () -> {
            check.run();
            return Boolean.TRUE;
        });
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

    /** The setting's value (its default when not set), refused below {@code minimum}. */
    private long atLeast(String property, long minimum) {
        return between(property, minimum, Integer.MAX_VALUE);
    }

    private long between(String property, long minimum, long maximum) {
        Optional<String> text = value(property);
        if (text.isEmpty()) {
            long fallback = DEFAULTS.getOrDefault(property, minimum);
            if (fallback < minimum) {
                throw new RejectedSetting(property, "not set, and its default " + fallback + " is out of range: "
                        + range(property, minimum, maximum));
            }
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw new RejectedSetting(property, "'" + text.get() + "' is not a whole number");
        }
        if (number < minimum || number > maximum) {
            throw new RejectedSetting(property, number + " is out of range: " + range(property, minimum, maximum));
        }
        return number;
    }

    private static String range(String property, long minimum, long maximum) {
        String lower = property.equals(SIGN_IN_DELAY_MAX) ? "at least " + SIGN_IN_DELAY_INITIAL + " (" + minimum + ")"
                : "at least " + minimum + (minimum == 0 ? " (0 turns it off)" : "");
        return maximum < Integer.MAX_VALUE ? "from " + minimum + " to " + maximum : lower;
    }

    /**
     * The key that signs the checkpoints: a keystore that is set must be a readable PKCS#12 file
     * whose password opens it and whose one key is Ed25519; none is needed only on the embedded H2
     * file database, where one is generated next to the data ({@code audit.seal.SealKey}).
     */
    private void sealKey(Database database) {
        Optional<String> keystore = value(SEAL_KEYSTORE);
        if (keystore.isEmpty()) {
            if (SealKey.embeddedDatabaseDirectory(value(DB_URL).orElseThrow()).isEmpty()) {
                throw new RejectedSetting(SEAL_KEYSTORE, "not set: a deployment on " + database + " needs the PKCS#12 "
                        + "keystore of the Ed25519 key that signs the audit checkpoints (keytool -genkeypair -keyalg "
                        + "Ed25519 -storetype PKCS12 -alias seal -dname CN=seal -keystore seal.p12) and "
                        + RejectedSetting.environmentVariable(SEAL_KEYSTORE_PASSWORD));
            }
            return;
        }
        Optional<String> password = value(SEAL_KEYSTORE_PASSWORD);
        if (password.isEmpty()) {
            throw new RejectedSetting(SEAL_KEYSTORE_PASSWORD, "not set: the keystore " + keystore.get() + " needs it");
        }
        try {
            SealKeys.fromPkcs12(Path.of(keystore.get()), password.get().toCharArray());
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new RejectedSetting(wrongPassword(e) ? SEAL_KEYSTORE_PASSWORD : SEAL_KEYSTORE, e.getMessage());
        }
    }

    /** PKCS#12 reports a wrong password as an unrecoverable key, for the store or for its entry. */
    private static boolean wrongPassword(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecoverableKeyException) {
                return true;
            }
        }
        return false;
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
