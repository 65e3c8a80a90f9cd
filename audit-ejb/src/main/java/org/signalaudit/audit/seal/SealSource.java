package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.signalaudit.audit.entity.AuditTable;

/**
 * Where the sealer's next rows come from: committed rows, after the last sealed one, that no
 * transaction still running can precede in the sealed order. The order must be stable: once a row
 * is handed out, no row may later appear before it, or the tree would have to change. PostgreSQL
 * and H2 give that guarantee by different means ({@link PostgresSource}, {@link H2Source}).
 */
interface SealSource {

    /** The source for the database behind the connection: PostgreSQL by transaction id, H2 by id fence. */
    static SealSource forDatabase(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? new PostgresSource() : new H2Source();
    }

    /**
     * Up to {@code limit} rows in sealed order, right after {@code lastSealed} (empty: the tree is
     * empty), read on the sealer's connection and transaction.
     */
    List<PendingRow> next(Connection connection, Optional<TreeStore.Leaf> lastSealed, int limit) throws SQLException;

    /**
     * The age in milliseconds of the oldest committed row not yet sealed (0 when there is none):
     * the seal lag the health check and the metric report.
     */
    long lagMillis(Connection connection, Optional<TreeStore.Leaf> lastSealed) throws SQLException;

    /**
     * SQL condition on a row of {@code table} (alias {@code t}), with its parameters bound by
     * {@link #bindSealedBefore}: the row sorts before the last sealed row, so the sealer has passed
     * it. Such a row that is not in the tree was added behind the application (the verify's INSERTED).
     */
    String sealedBefore(AuditTable table, Optional<TreeStore.Leaf> lastSealed, Connection connection)
            throws SQLException;

    int bindSealedBefore(PreparedStatement statement, int index, AuditTable table, Optional<TreeStore.Leaf> lastSealed,
                         Connection connection) throws SQLException;
}
