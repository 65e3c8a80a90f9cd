package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.proof.Frontier;
import org.signalaudit.proof.MerkleHash;
import org.signalaudit.proof.Node;

/**
 * Seals committed audit rows into the Merkle tree, every {@code audit.seal.interval} milliseconds
 * (default 500): takes the rows no running transaction can precede ({@link SealSource}), appends
 * their leaves and the subtrees they complete, signs a checkpoint of the new tree, all in one
 * transaction of its own. Writers never wait for it; it waits for no writer.
 *
 * <p>Exactly one sealer works at a time, whatever the number of instances on the database: each
 * seal first takes a PostgreSQL advisory lock for its transaction ({@code pg_try_advisory_xact_lock},
 * released at commit, or when the session dies with its instance), and an instance that does not
 * get it leaves this round to the one that did. The tree is read from the database inside the lock,
 * so a sealer never extends a tree it has not seen; the keys of the leaves and checkpoints would
 * refuse a fork anyway. On H2, one instance, this singleton's own lock is enough.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class Sealer {

    private static final Logger LOG = Logger.getLogger(Sealer.class.getName());

    /** The advisory lock key of the sealer: "sealer" in ASCII, any constant no one else uses. */
    static final long LOCK_KEY = 0x7365616c6572L;

    private static final int BATCH = 5000;

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    /**
     * The platform's scheduler, not the EJB timer service: Payara delivers no EJB timer more often
     * than its {@code minimum-delivery-interval-in-millis} (1000 ms by default, a server setting), so
     * a 500 ms interval timer sealed once a second (docs/PERFORMANCE.md, run 8).
     */
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    @Inject
    Checkpoints checkpoints;

    @Inject
    SealKey key;

    @Inject
    SealMonitor monitor;

    @Inject
    @ConfigProperty(name = "audit.seal.interval", defaultValue = "500")
    long intervalMillis;

    private SealSource source;
    private boolean postgres;

    private ScheduledFuture<?> schedule;

    /** The tree's right edge as this sealer last left it; reloaded when another instance sealed since. */
    private Frontier frontier;

    @PostConstruct
    void start() {
        try (Connection connection = dataSource.getConnection()) {
            source = SealSource.forDatabase(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The sealer cannot reach the audit database: " + e.getMessage(), e);
        }
        postgres = source instanceof PostgresSource;
        // Loads the key now: a deployment without a usable key stops here, not at the first seal.
        key.verifierKey();
        // Through the bean's own business view: the container's lock and bean-managed transactions apply.
        Sealer self = context.getBusinessObject(Sealer.class);
        schedule = scheduler.scheduleAtFixedRate(() -> sealThrough(self), intervalMillis, intervalMillis,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** A periodic task that throws runs no more: only an undeployment should end it. */
    private static void sealThrough(Sealer self) {
        try {
            self.seal();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The sealer is not available (the application is stopping?)", e);
        }
    }

    /**
     * Seals everything that can be sealed now, a batch at a time; every {@code audit.seal.interval}
     * from the start of one seal to the start of the next (a seal that runs late is followed at once
     * by the next, never by two). Failures are the monitor's to report.
     */
    public void seal() {
        try {
            while (sealOnce() == BATCH) {
                // a full batch: more rows may be waiting
            }
            monitor.sealingWorks();
        } catch (TamperingException e) {
            frontier = null;
            monitor.verificationFailed(e.getMessage());
        } catch (SQLException | RuntimeException e) {
            frontier = null;
            monitor.sealingFailed(e);
        }
        measureLag();
    }

    /**
     * The seal lag, once per interval, on every instance (the one that seals and the others alike
     * report it): one statement over the unsealed rows, never once per batch. After the seal, not
     * before it: under ClusterIT's load on two cores the statement took 12 ms at the median and up
     * to half a second, and a seal that waited for it was late by as much: time added to a
     * survivor's first seal after the sealing instance is killed (docs/PERFORMANCE.md, "Cluster").
     * Measured whether the seal worked or not: a seal that keeps failing shows as a growing lag,
     * and readiness goes DOWN at its bound.
     */
    private void measureLag() {
        try (Connection connection = dataSource.getConnection()) {
            monitor.lag(source.lagMillis(connection, TreeStore.lastLeaf(connection)));
        } catch (TamperingException e) {
            // The seal before it read the same place and reported it as tampering; not a second
            // problem of another kind.
        } catch (SQLException | RuntimeException e) {
            monitor.sealingFailed(e);
        }
    }

    private int sealOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long started = System.nanoTime();
                Sealed sealed = sealIn(connection);
                connection.commit();
                if (sealed.checkpoint() != null) {
                    monitor.sealed(sealed.checkpoint(), sealed.rows(), System.nanoTime() - started);
                }
                return sealed.rows();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** What one seal did: the rows it sealed and the checkpoint it signed (null: none, nothing new). */
    private record Sealed(int rows, TreeStore.StoredCheckpoint checkpoint) {
        static final Sealed NOTHING = new Sealed(0, null);
    }

    private Sealed sealIn(Connection connection) throws SQLException {
        if (postgres && !advisoryLock(connection)) {
            return Sealed.NOTHING;
        }
        Optional<TreeStore.Leaf> last = TreeStore.lastLeaf(connection);
        long size = last.map(leaf -> leaf.index() + 1).orElse(0L);
        Optional<TreeStore.StoredCheckpoint> latest = TreeStore.latestCheckpoint(connection);
        List<PendingRow> rows = source.next(connection, last, BATCH);
        boolean signedAlready = latest.map(checkpoint -> checkpoint.treeSize() == size).orElse(size == 0);
        if (rows.isEmpty() && signedAlready) {
            return Sealed.NOTHING;
        }
        Frontier edge = frontierAt(connection, size);
        List<TreeStore.Leaf> leaves = new ArrayList<>(rows.size());
        List<Node> nodes = new ArrayList<>(rows.size() * 2);
        for (PendingRow row : rows) {
            byte[] leafHash = MerkleHash.leaf(row.leafData());
            leaves.add(new TreeStore.Leaf(edge.size(), row.table(), row.id(), leafHash));
            nodes.addAll(edge.append(leafHash));
        }
        TreeStore.append(connection, leaves, nodes);
        TreeStore.StoredCheckpoint checkpoint = checkpoints.sign(edge.size(), edge.root(), latest);
        TreeStore.insert(connection, checkpoint);
        monitor.checkConsistency(connection, latest, checkpoint);
        frontier = edge;
        return new Sealed(rows.size(), checkpoint);
    }

    private Frontier frontierAt(Connection connection, long size) throws SQLException {
        if (frontier == null || frontier.size() != size) {
            frontier = TreeStore.frontier(connection, size);
        }
        return frontier;
    }

    private static boolean advisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
