package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.IntegrityReport;

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

    public IntegrityReport verify() {
        return inSnapshot(dataSource, connection ->
                new TreeAudit(connection, checkpoints, SealSource.forDatabase(connection)).run());
    }

    /** Reads in one snapshot transaction of its own, rolled back after. */
    public static <T> T inSnapshot(DataSource dataSource, Reading<T> reading) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
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
