package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
     * SQL condition on a row of {@code table} (alias {@code t}), its parameters (if any) bound by
     * {@link #bindUnsealed}: the row comes after the last sealed row in the sealed order, so the
     * sealer has not taken it yet. Its negation is a row the sealer has passed: such a row that is
     * in no leaf was added behind the application (the verify's INSERTED).
     */
    String unsealed(AuditTable table, Optional<TreeStore.Leaf> lastSealed, Connection connection) throws SQLException;

    int bindUnsealed(PreparedStatement statement, int index, AuditTable table, Optional<TreeStore.Leaf> lastSealed,
                     Connection connection) throws SQLException;

    /** The sealed order of one table's rows (alias {@code t}), as an {@code ORDER BY} list. */
    String sealedOrder();

    /**
     * The id of the connection's transaction snapshot, exported so that another connection can read
     * in the same snapshot ({@link LogVerification}: the verify's two passes side by side); empty
     * where the database cannot share a snapshot, and the passes run one after the other.
     */
    default Optional<String> exportSnapshot(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /**
     * The age in milliseconds of the oldest committed row not yet sealed (0 when there is none):
     * the seal lag the health check and the metric report. One statement, indexed per table.
     */
    default long lagMillis(Connection connection, Optional<TreeStore.Leaf> lastSealed) throws SQLException {
        // One statement for the four tables: the sealer asks every interval, and under load each
        // round trip to a busy database is what a seal waits for.
        StringBuilder sql = new StringBuilder("SELECT min(oldest) FROM (");
        for (AuditTable table : AuditTable.values()) {
            // In the sealed order, so that the minimum is never read off an occurred_at index by
            // walking every sealed row (PostgresSource.lagMillis).
            sql.append(table.ordinal() == 0 ? "" : " UNION ALL ").append("SELECT min(u.occurred_at) AS oldest FROM")
                    .append(" (SELECT t.occurred_at FROM ").append(table.tableName()).append(" t WHERE ")
                    .append(unsealed(table, lastSealed, connection)).append(" ORDER BY ").append(sealedOrder())
                    .append(") u");
        }
        try (PreparedStatement select = connection.prepareStatement(sql.append(") AS unsealed").toString())) {
            int next = 1;
            for (AuditTable table : AuditTable.values()) {
                next = bindUnsealed(select, next, table, lastSealed, connection);
            }
            try (ResultSet result = select.executeQuery()) {
                OffsetDateTime oldest = result.next() ? result.getObject(1, OffsetDateTime.class) : null;
                return oldest == null ? 0 : Math.max(0, Instant.now().toEpochMilli() - oldest.toInstant().toEpochMilli());
            }
        }
    }
}
