package org.signalaudit.audit.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.seal.TreeStore;

/**
 * Reads the next batch of the copy after a cursor: up to a number of leaves in tree order, each
 * joined to its row, and the checkpoints they complete, merged in tree order.
 *
 * <p>Rows are read as the sealer and the verify read them ({@link AuditTable#valuesOf}), not as the
 * API's views: the copy then carries exactly what the leaf hashes, so anyone holding it can
 * recompute every leaf hash and fold them into the signed roots without asking this database.
 */
final class SealedEntries {

    /** A batch: its entries in tree order, the cursor after them, and how many leaves it holds. */
    record Batch(List<LogEntry> entries, ForwardCursor next, int leaves) {
    }

    private SealedEntries() {
    }

    static Batch after(Connection connection, ForwardCursor cursor, int maxLeaves) throws SQLException {
        List<TreeStore.Leaf> leaves = TreeStore.leavesFrom(connection, cursor.nextLeaf(), maxLeaves);
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i).index() != cursor.nextLeaf() + i) {
                throw new IllegalStateException("Leaf " + (cursor.nextLeaf() + i) + " is missing from audit_leaf "
                        + "(the next one is " + leaves.get(i).index() + "): the tree's tables were changed; "
                        + "forwarding waits there");
            }
        }
        long end = cursor.nextLeaf() + leaves.size();
        Deque<TreeStore.StoredCheckpoint> checkpoints = new ArrayDeque<>(
                TreeStore.checkpointsBetween(connection, cursor.checkpointSize(), end));
        Map<AuditTable, Map<Long, List<Object>>> rows = rows(connection, leaves);
        List<LogEntry> entries = new ArrayList<>(leaves.size() + checkpoints.size());
        long checkpointSize = cursor.checkpointSize();
        for (TreeStore.Leaf leaf : leaves) {
            while (!checkpoints.isEmpty() && checkpoints.peekFirst().treeSize() <= leaf.index()) {
                checkpointSize = checkpoints.peekFirst().treeSize();
                entries.add(new LogEntry.Checkpoint(checkpoints.removeFirst()));
            }
            entries.add(new LogEntry.Row(leaf, rows.get(leaf.table()).get(leaf.rowId())));
        }
        while (!checkpoints.isEmpty()) {
            checkpointSize = checkpoints.peekFirst().treeSize();
            entries.add(new LogEntry.Checkpoint(checkpoints.removeFirst()));
        }
        return new Batch(entries, new ForwardCursor(end, checkpointSize), leaves.size());
    }

    /** The rows of the leaves, one query per table, by the leaves' index range. */
    private static Map<AuditTable, Map<Long, List<Object>>> rows(Connection connection, List<TreeStore.Leaf> leaves)
            throws SQLException {
        Map<AuditTable, Map<Long, List<Object>>> rows = new EnumMap<>(AuditTable.class);
        for (AuditTable table : AuditTable.values()) {
            rows.put(table, new HashMap<>());
        }
        if (leaves.isEmpty()) {
            return rows;
        }
        long first = leaves.get(0).index();
        long last = leaves.get(leaves.size() - 1).index();
        for (AuditTable table : AuditTable.values()) {
            if (leaves.stream().noneMatch(leaf -> leaf.table() == table)) {
                continue;
            }
            String columns = table.columns().stream().map(column -> "t." + column.name())
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            try (PreparedStatement select = connection.prepareStatement("SELECT t.id, " + columns + " FROM "
                    + table.tableName() + " t JOIN audit_leaf l ON l.row_id = t.id AND l.table_code = ? "
                    + "WHERE l.leaf_index BETWEEN ? AND ?")) {
                select.setString(1, table.code());
                select.setLong(2, first);
                select.setLong(3, last);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.get(table).put(result.getLong("id"), table.valuesOf(result));
                    }
                }
            }
        }
        return rows;
    }
}
