package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.TableIntegrity;

/**
 * Runs the verify ({@link TreeAudit}) in one snapshot of the store: a read-only REPEATABLE READ
 * transaction of its own, outside any container transaction, so writers and the sealer go on and
 * what they commit meanwhile is simply not part of it. Used on demand (the SUPERADMIN's verify)
 * and on a schedule ({@link ContinuousVerification}).
 */
@ApplicationScoped
public class LogVerification {

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Inject
    Checkpoints checkpoints;

    @Resource
    ManagedExecutorService executor;

    /** The threads that read the rows ahead of the hashing ({@link ReadAhead}): their own, never queued. */
    @Resource
    ManagedThreadFactory threads;

    /**
     * Where the database can share a snapshot between two connections (PostgreSQL), the two passes
     * run side by side, the tree on a second connection in the first one's snapshot: one pass alone
     * keeps about one of the machine's cores busy. The rows pass, the longer one, also reads its rows
     * ahead of the hashing ({@link ReadAhead}), so that the database produces a batch while the JVM
     * hashes the one before.
     */
    public IntegrityReport verify() {
        return inSnapshot(dataSource, connection -> {
            SealSource source = SealSource.forDatabase(connection);
            TreeAudit audit = new TreeAudit(connection, checkpoints, source, threads);
            Optional<String> snapshot = source.exportSnapshot(connection);
            if (snapshot.isEmpty()) {
                return audit.run();
            }
            Future<TreeAudit.TreePass> tree = executor.submit(() -> inSnapshot(dataSource, snapshot.get(),
                    other -> new TreeAudit(other, checkpoints, source, threads).checkTree()));
            List<TableIntegrity> tables;
            try {
                tables = audit.checkRows();
            } catch (SQLException | RuntimeException e) {
                tree.cancel(true);
                throw e;
            }
            return TreeAudit.report(finished(tree), tables);
        });
    }

    private static TreeAudit.TreePass finished(Future<TreeAudit.TreePass> tree) {
        try {
            return tree.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The verify was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The verify's tree pass failed", e.getCause());
        }
    }

    /** Reads in one snapshot transaction of its own, rolled back after. */
    public static <T> T inSnapshot(DataSource dataSource, Reading<T> reading) {
        return inSnapshot(dataSource, null, reading);
    }

    /**
     * Reads in one snapshot transaction of its own, rolled back after: the snapshot {@code exported}
     * by another transaction that is still open (PostgreSQL), or a new one (null).
     */
    static <T> T inSnapshot(DataSource dataSource, String exported, Reading<T> reading) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                if (exported != null) {
                    try (PreparedStatement importing = connection.prepareStatement("SET TRANSACTION SNAPSHOT '"
                            + exported.replace("'", "''") + "'")) {
                        importing.execute();
                    }
                }
                return reading.read(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit store could not be read for the check", e);
        }
    }

    @FunctionalInterface
    public interface Reading<T> {
        T read(Connection connection) throws SQLException;
    }
}
