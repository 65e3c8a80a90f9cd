package org.signalaudit.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements on {@code audit_chain}, the table of the chains' heads: read one, lock several in
 * the one order every writer uses, move one. A head is a {@link ChainLink} without a previous hash.
 */
final class ChainHeads {

    private ChainHeads() {
    }

    static ChainLink read(Connection connection, ChainedTable table) throws SQLException {
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

    /** Locks the named heads in chain-name order (one statement, so one order) and returns them by name. */
    static Map<String, ChainLink> lock(Connection connection, List<String> names) throws SQLException {
        String sql = "SELECT chain_name, last_seq, last_hash FROM audit_chain WHERE chain_name IN ("
                + "?, ".repeat(names.size() - 1) + "?) ORDER BY chain_name FOR UPDATE";
        Map<String, ChainLink> locked = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                select.setString(i + 1, names.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    locked.put(result.getString(1), new ChainLink(result.getLong(2), null, result.getString(3)));
                }
            }
        }
        if (!locked.keySet().containsAll(names)) {
            throw new SQLException("audit_chain lacks the head of " + names + "; the migrations create it");
        }
        return locked;
    }

    /** Moves the heads, one batch: a single round trip. */
    static void move(Connection connection, Map<ChainedTable, ChainLink> heads) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE chain_name = ?")) {
            for (Map.Entry<ChainedTable, ChainLink> head : heads.entrySet()) {
                update.setLong(1, head.getValue().seq());
                update.setString(2, head.getValue().rowHash());
                update.setString(3, head.getKey().tableName());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
