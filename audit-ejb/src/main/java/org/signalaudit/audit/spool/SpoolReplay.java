package org.signalaudit.audit.spool;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the spooled rows to the database once it is back, in the order they were spooled, each
 * exactly once ({@link SpooledRowWriter}), every {@code audit.spool.replay-interval} milliseconds
 * (default 1000) while the spool holds any; then empties the spool. Also at start-up: a server
 * killed during an outage finds its spool again and writes it when it starts with the database up.
 * Not in the operator's command mode ({@code audit-cli}), which serves no request.
 *
 * <p>A row that fails while the database cannot be reached stops this round: the next one starts
 * again from it. A row the database refuses while it can be reached (a constraint, a column too
 * short) would never be written: it is logged whole, counted dropped, and passed over, so one bad
 * row does not hold back the rest.
 *
 * <p>The replayed rows are new rows, written now: the sealer seals them like any other
 * (docs/INTEGRITY.md). Their {@code occurred_at} is the time of the request, during the outage.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SpoolReplay {

    public static final String INTERVAL = "audit.spool.replay-interval";
    public static final long MIN_INTERVAL = 10;
    public static final long MAX_INTERVAL = 60_000;
    private static final int BATCH = 500;
    private static final int VALID_WITHIN_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(SpoolReplay.class.getName());

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    OutageSpool spool;

    @Inject
    SpooledRowWriter writer;

    @Inject
    @ConfigProperty(name = INTERVAL, defaultValue = "1000")
    long intervalMillis;

    /** Set only by {@code audit-cli}: a process that serves no request has no spool to write. */
    @Inject
    @ConfigProperty(name = "audit.cli.command")
    Optional<String> command;

    /** How far this instance has written the spool since it was last emptied (a restart begins at 0). */
    private long replayedTo;
    private boolean failing;

    @PostConstruct
    void start() {
        if (intervalMillis < MIN_INTERVAL || intervalMillis > MAX_INTERVAL) {
            throw new IllegalStateException("audit.spool.replay-interval must be between 10 and 60000 milliseconds, "
                    + "not " + intervalMillis);
        }
        if (command.filter(name -> !name.isBlank()).isPresent()) {
            // The operator's command line boots the application for one command, wherever it is
            // run from: it must neither take a server's spool (its lock) nor write it elsewhere.
            return;
        }
        spool.pending(); // opens the spool now: what a crash left in it is reported at start-up
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    void replay() {
        try {
            if (spool.pending() > 0) {
                replayPending();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not read the outage spool", e);
        } finally {
            timers.createSingleActionTimer(intervalMillis, new TimerConfig(null, false));
        }
    }

    private void replayPending() throws IOException {
        if (failing && !reachable()) {
            return; // still down: asked with one connection, not with a write whose failure Payara logs whole
        }
        int written = 0;
        int present = 0;
        for (List<SpoolFile.Entry> batch = spool.read(replayedTo, BATCH); !batch.isEmpty();
             batch = spool.read(replayedTo, BATCH)) {
            for (SpoolFile.Entry entry : batch) {
                Boolean wrote = replay(entry);
                if (wrote == null) {
                    return;
                }
                if (wrote) {
                    written++;
                } else {
                    present++;
                }
                replayedTo = entry.end();
            }
        }
        if (written + present > 0) {
            int rows = written;
            int found = present;
            LOG.info(() -> "Outage spool: " + rows + " rows written to the database" + (found > 0 ? ", " + found
                    + " were there already (written before a restart, or committed as their connection was lost)"
                    : ""));
        }
        if (spool.emptyIfReplayedTo(replayedTo)) {
            replayedTo = 0;
        }
    }

    /** True: written; false: there already, or passed over; null: the database is still away. */
    private Boolean replay(SpoolFile.Entry entry) {
        SpooledRow row;
        try {
            row = SpooledRow.decode(entry.payload());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "A record of the outage spool cannot be read; passed over, counted dropped", e);
            spool.abandoned();
            return false;
        }
        RuntimeException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                boolean wrote = writer.writeOnce(row);
                spool.replayed(wrote);
                failing = false;
                return wrote;
            } catch (RuntimeException e) {
                if (connectionLost(e) || !reachable()) {
                    if (!failing) {
                        failing = true;
                        LOG.info("The database is still unavailable; the outage spool is written when it is back");
                    }
                    return null;
                }
                // Reachable now: the first failure may have been a pooled connection the restart
                // broke. A second refusal is the row's own.
                first = first == null ? e : first;
            }
        }
        LOG.log(Level.SEVERE, "The database refused a spooled row twice; passed over, counted dropped: " + row, first);
        spool.abandoned();
        return false;
    }

    /**
     * Whether the failure says the connection failed (SQLState class 08, or the server shutting
     * down, starting or out of slots): then the row waits, whatever a fresh connection says now.
     * The web tier's availability.StoreOutage knows more shapes; this side needs only to tell a
     * lost connection from a refused row.
     */
    static boolean connectionLost(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 64; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
