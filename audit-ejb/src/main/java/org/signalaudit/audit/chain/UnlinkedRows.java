package org.signalaudit.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

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
        ChainLink head = ChainHeads.read(connection, table);
        long before = head.seq();
        String select = "SELECT id, " + table.columnList() + " FROM " + table.tableName()
                + " WHERE chain_seq IS NULL ORDER BY id";
        String update = "UPDATE " + table.tableName() + " SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?";
        try (PreparedStatement rows = connection.prepareStatement(select);
             PreparedStatement link = connection.prepareStatement(update);
             ResultSet result = rows.executeQuery()) {
            while (result.next()) {
                head = head.next(table, table.valuesOf(result));
                link.setLong(1, head.seq());
                link.setString(2, head.prevHash());
                link.setString(3, head.rowHash());
                link.setLong(4, result.getLong("id"));
                link.addBatch();
            }
            link.executeBatch();
        }
        ChainHeads.move(connection, Map.of(table, head));
        return head.seq() - before;
    }
}
