package org.signalaudit.audit.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.audit.seal.LeafData;
import org.signalaudit.audit.seal.SealMonitor;
import org.signalaudit.audit.seal.TreeStore;
import org.signalaudit.proof.MerkleHash;

/**
 * Copies the sealed log to a separate system: every sealed row and every signed checkpoint, in tree
 * order, to syslog ({@link SyslogDestination}), at least once. Every {@code audit.seal.interval}
 * it reads the leaves after the destination's cursor ({@link ForwardCursor}) with their rows and
 * checkpoints ({@link SealedEntries}), sends them ({@link SyslogTransport}) and, once the receiver
 * has read them, advances the cursor in the same transaction. A receiver that is down or slow
 * delays nothing but the copy: requests never wait for it, the cursor waits, attempts back off up
 * to {@link #MAX_BACKOFF_MILLIS}, and the copy resumes where it stopped.
 *
 * <p>One forwarder at a time across instances, as for the sealer: each round takes an advisory lock
 * of its own for its transaction ({@code pg_try_advisory_xact_lock}); on H2, one instance, the
 * singleton's lock is enough. The transaction takes no transaction id until it updates the cursor
 * after the send, so it never holds the sealer's horizon back.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());

    /** The advisory lock key of the forwarder: "forward" in ASCII, next to the sealer's "sealer". */
    static final long LOCK_KEY = 0x666f7277617264L;

    /** Leaves per batch, each batch one connection: about 0.5 MB of messages. */
    static final int BATCH = 1000;

    static final long MAX_BACKOFF_MILLIS = 30_000;

    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    ForwardMonitor monitor;

    @Inject
    SealMonitor seal;

    @Inject
    @ConfigProperty(name = "audit.seal.interval", defaultValue = "500")
    long intervalMillis;

    private SyslogDestination destination;
    private SyslogTransport transport;
    private SyslogFormat format;
    private boolean postgres;
    private long backoffMillis;
    /** System.nanoTime() before which no attempt is made (its origin is arbitrary: compare by difference). */
    private long nextAttempt;

    @PostConstruct
    void start() {
        Optional<SyslogDestination> configured = SyslogDestination.configured(config);
        if (configured.isEmpty()) {
            return;
        }
        destination = configured.get();
        transport = new SyslogTransport(destination);
        format = new SyslogFormat(hostname());
        nextAttempt = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("The forwarder cannot reach the audit database: " + e.getMessage(), e);
        }
        LOG.info(() -> "Forwarding the sealed audit log to " + destination);
        timers.createIntervalTimer(intervalMillis, Math.max(intervalMillis, 100), new TimerConfig(null, false));
    }

    /** Sends what is new, a batch at a time, unless backing off after a failure. */
    @Timeout
    void forward() {
        if (System.nanoTime() - nextAttempt < 0) {
            return;
        }
        ForwardCursor cursor = ForwardCursor.START;
        try (Connection connection = dataSource.getConnection()) {
            cursor = ForwardCursor.of(connection, destination.name());
            measureLag(connection, cursor);
            SealedEntries.Batch batch;
            do {
                batch = forwardOnce(connection);
                cursor = batch.next();
            } while (batch.leaves() == BATCH);
            measureLag(connection, cursor);
            backoffMillis = 0;
            monitor.works(destination, cursor.nextLeaf());
        } catch (IOException | SQLException | RuntimeException e) {
            backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(1000, backoffMillis * 2));
            nextAttempt = System.nanoTime() + Duration.ofMillis(backoffMillis).toNanos();
            monitor.failed(destination, cursor.nextLeaf(), e);
        }
    }

    /** One batch in one transaction: lock, read, send, advance; nothing (an empty batch) without the lock. */
    private SealedEntries.Batch forwardOnce(Connection connection) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            if (postgres && !advisoryLock(connection)) {
                connection.rollback();
                return new SealedEntries.Batch(List.of(), ForwardCursor.of(connection, destination.name()), 0);
            }
            ForwardCursor cursor = ForwardCursor.of(connection, destination.name()); // read inside the lock
            SealedEntries.Batch batch = SealedEntries.after(connection, cursor, BATCH);
            if (batch.entries().isEmpty()) {
                connection.rollback();
                return batch;
            }
            batch.entries().forEach(this::checkLeaf);
            transport.deliver(batch.entries().stream().map(format::message).toList());
            batch.next().store(connection, destination.name());
            connection.commit();
            monitor.forwarded(batch.entries().size());
            return batch;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * A row that no longer gives its leaf (or is gone) is sent as it is now, beside the hash sealed
     * for it, so the copy shows the change; and reported as the verify would report it.
     */
    private void checkLeaf(LogEntry entry) {
        if (entry instanceof LogEntry.Row row) {
            TreeStore.Leaf leaf = row.leaf();
            if (row.values() == null) {
                seal.verificationFailed("the " + leaf.table().code() + " row " + leaf.rowId() + " of leaf "
                        + leaf.index() + " is gone (found while forwarding)");
            } else if (!Arrays.equals(leaf.hash(), MerkleHash.leaf(LeafData.of(leaf.table(), leaf.rowId(),
                    row.values())))) {
                seal.verificationFailed("the " + leaf.table().code() + " row " + leaf.rowId() + " of leaf "
                        + leaf.index() + " no longer gives its leaf hash (found while forwarding)");
            }
        }
    }

    /** Leaves sealed but not forwarded, and how long the oldest of them has waited since its seal. */
    private void measureLag(Connection connection, ForwardCursor cursor) throws SQLException {
        long size = TreeStore.lastLeaf(connection).map(leaf -> leaf.index() + 1).orElse(0L);
        long behind = Math.max(0, size - cursor.nextLeaf());
        long millis = behind == 0 ? 0 : TreeStore.checkpointSealing(connection, cursor.nextLeaf())
                .map(checkpoint -> Duration.between(checkpoint.sealedAt(), OffsetDateTime.now()).toMillis())
                .orElse(0L);
        monitor.lag(behind, Math.max(0, millis));
    }

    private static boolean advisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** The HOSTNAME of the messages: this machine's name, as syslog expects of the originator. */
    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
