package org.signalaudit.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Links the rows written before the tables had chains, oldest id first, once, during the schema
 * migration that introduces the chains (before the tables become append-only). Rows linked this
 * way prove only that nothing changed after the upgrade.
 */
public final class UnlinkedRows {

    private UnlinkedRows() {
    }

    /** Links every row without a position, in id order, after the table's head; returns how many. */
    public static long link(Connection connection) throws SQLException {
        long linked = 0;
        for (ChainedTable table : ChainedTable.values()) {
            linked += link(connection, table);
        }
        return linked;
    }

    private static long link(Connection connection, ChainedTable table) throws SQLException {
        ChainLink head = head(connection, table);
        long seq = head.seq();
        String previous = head.rowHash();
        String select = "SELECT id, " + table.columnList() + " FROM " + table.tableName()
                + " WHERE chain_seq IS NULL ORDER BY id";
        String update = "UPDATE " + table.tableName() + " SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?";
        try (PreparedStatement rows = connection.prepareStatement(select);
             PreparedStatement link = connection.prepareStatement(update);
             ResultSet result = rows.executeQuery()) {
            while (result.next()) {
                List<Object> values = table.valuesOf(result);
                seq++;
                String hash = RowDigest.hash(table, seq, previous, values);
                link.setLong(1, seq);
                link.setString(2, previous);
                link.setString(3, hash);
                link.setLong(4, result.getLong("id"));
                link.addBatch();
                previous = hash;
            }
            link.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE chain_name = ?")) {
            move.setLong(1, seq);
            move.setString(2, previous);
            move.setString(3, table.tableName());
            move.executeUpdate();
        }
        return seq - head.seq();
    }

    static ChainLink head(Connection connection, ChainedTable table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain WHERE chain_name = ?")) {
            select.setString(1, table.tableName());
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("audit_chain has no head for " + table.tableName());
                }
                return new ChainLink(result.getLong(1), null, result.getString(2));
            }
        }
    }
}
