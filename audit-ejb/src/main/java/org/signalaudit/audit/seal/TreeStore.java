package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.proof.Frontier;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.Node;
import org.signalaudit.proof.NodeId;

/**
 * The statements on the tree's tables: {@code audit_leaf} (level 0, which row each leaf is),
 * {@code audit_node} (every perfect subtree above) and {@code audit_checkpoint}. Every method works
 * on the caller's connection and transaction.
 */
public final class TreeStore {

    /** A leaf: its index in the tree, the row it is, and its hash. */
    public record Leaf(long index, AuditTable table, long rowId, byte[] hash) {
    }

    /** A signed checkpoint as stored. */
    public record StoredCheckpoint(long treeSize, byte[] rootHash, OffsetDateTime sealedAt, byte[] previousHash,
                                   String keyId, String note) {
    }

    private static final String LEAF_COLUMNS = "leaf_index, table_code, row_id, leaf_hash";
    private static final String CHECKPOINT_COLUMNS = "tree_size, root_hash, sealed_at, previous_hash, key_id, note";

    private TreeStore() {
    }

    /** The last leaf, empty while the tree is. */
    public static Optional<Leaf> lastLeaf(Connection connection) throws SQLException {
        return leaf(connection, "SELECT " + LEAF_COLUMNS + " FROM audit_leaf ORDER BY leaf_index DESC FETCH FIRST 1 ROWS ONLY");
    }

    /** Up to {@code max} leaves from index {@code from} on, in tree order: what the forwarder sends next. */
    public static List<Leaf> leavesFrom(Connection connection, long from, int max) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, "SELECT " + LEAF_COLUMNS + " FROM audit_leaf WHERE "
                + "leaf_index >= ? ORDER BY leaf_index FETCH FIRST " + max + " ROWS ONLY", from);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                leaves.add(leaf(result));
            }
        }
        return leaves;
    }

    /** The checkpoints of the tree sizes in ({@code after}, {@code upTo}], smallest first. */
    public static List<StoredCheckpoint> checkpointsBetween(Connection connection, long after, long upTo)
            throws SQLException {
        List<StoredCheckpoint> found = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint "
                + "WHERE tree_size > ? AND tree_size <= ? ORDER BY tree_size", after, upTo);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                found.add(checkpoint(result));
            }
        }
        return found;
    }

    /** The leaf of a row, empty while the row is not sealed. */
    public static Optional<Leaf> leafOf(Connection connection, AuditTable table, long rowId) throws SQLException {
        return leaf(connection, "SELECT " + LEAF_COLUMNS + " FROM audit_leaf WHERE table_code = ? AND row_id = ?",
                table.code(), rowId);
    }

    /** The data of a row's leaf, read from the row as it is now. */
    public static byte[] leafData(Connection connection, AuditTable table, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + table.columnList() + " FROM "
                + table.tableName() + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException(table.tableName() + " has no row " + id + " though the tree seals one");
                }
                return LeafData.of(table, id, table.valuesOf(result));
            }
        }
    }

    /** The right edge of the tree of {@code size} leaves, read from the stored nodes. */
    public static Frontier frontier(Connection connection, long size) throws SQLException {
        List<NodeId> ids = MerkleTree.rootNodes(size);
        Map<NodeId, byte[]> hashes = nodes(connection, ids);
        return Frontier.of(size, ids.stream().map(hashes::get).toList());
    }

    /** The hashes of the given perfect subtrees (leaves included), in one query per level kind. */
    public static Map<NodeId, byte[]> nodes(Connection connection, Collection<NodeId> ids) throws SQLException {
        Map<NodeId, byte[]> hashes = new HashMap<>();
        List<NodeId> leaves = ids.stream().filter(id -> id.level() == 0).toList();
        List<NodeId> inner = ids.stream().filter(id -> id.level() > 0).toList();
        // Leaves and inner nodes in one statement: a proof's latency is mostly round trips.
        List<String> parts = new ArrayList<>(2);
        if (!leaves.isEmpty()) {
            parts.add("SELECT 0 AS node_level, leaf_index AS node_index, leaf_hash AS hash FROM audit_leaf "
                    + "WHERE leaf_index IN (" + placeholders(leaves.size(), "?") + ")");
        }
        if (!inner.isEmpty()) {
            parts.add("SELECT node_level, node_index, hash FROM audit_node "
                    + "WHERE (node_level, node_index) IN (" + placeholders(inner.size(), "(?, ?)") + ")");
        }
        if (!parts.isEmpty()) {
            try (PreparedStatement select = connection.prepareStatement(String.join(" UNION ALL ", parts))) {
                int next = 1;
                for (NodeId leaf : leaves) {
                    select.setLong(next++, leaf.index());
                }
                for (NodeId node : inner) {
                    select.setInt(next++, node.level());
                    select.setLong(next++, node.index());
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        hashes.put(new NodeId(result.getInt(1), result.getLong(2)), result.getBytes(3));
                    }
                }
            }
        }
        List<NodeId> missing = ids.stream().filter(id -> !hashes.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new SQLException("The tree lacks the stored nodes " + missing + ": its tables were changed");
        }
        return hashes;
    }

    /** Appends leaves and the perfect subtrees they completed, one batch each. */
    public static void append(Connection connection, List<Leaf> leaves, List<Node> nodes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_leaf (" + LEAF_COLUMNS
                + ") VALUES (?, ?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                insert.setLong(1, leaf.index());
                insert.setString(2, leaf.table().code());
                insert.setLong(3, leaf.rowId());
                insert.setBytes(4, leaf.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_node (node_level, node_index, hash) VALUES (?, ?, ?)")) {
            for (Node node : nodes) {
                if (node.id().level() > 0) {
                    insert.setInt(1, node.id().level());
                    insert.setLong(2, node.id().index());
                    insert.setBytes(3, node.hash());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public static void insert(Connection connection, StoredCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint ("
                + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.treeSize());
            insert.setBytes(2, checkpoint.rootHash());
            insert.setObject(3, checkpoint.sealedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setBytes(4, checkpoint.previousHash());
            insert.setString(5, checkpoint.keyId());
            insert.setString(6, checkpoint.note());
            insert.executeUpdate();
        }
    }

    /** The latest checkpoint, empty before the first seal. */
    public static Optional<StoredCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
        return checkpoint(connection, "SELECT " + CHECKPOINT_COLUMNS
                + " FROM audit_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY");
    }

    /** The checkpoint of a tree size, empty when no seal ended at that size. */
    public static Optional<StoredCheckpoint> checkpointAt(Connection connection, long treeSize) throws SQLException {
        return checkpoint(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE tree_size = ?",
                treeSize);
    }

    /** The first checkpoint whose tree holds the leaf: the one that sealed it. */
    public static Optional<StoredCheckpoint> checkpointSealing(Connection connection, long leafIndex) throws SQLException {
        return checkpoint(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE tree_size > ? "
                + "ORDER BY tree_size FETCH FIRST 1 ROWS ONLY", leafIndex);
    }

    private static Optional<Leaf> leaf(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(leaf(result)) : Optional.empty();
        }
    }

    private static Leaf leaf(ResultSet result) throws SQLException {
        return new Leaf(result.getLong(1), AuditTable.byCode(result.getString(2)).orElseThrow(), result.getLong(3),
                result.getBytes(4));
    }

    private static Optional<StoredCheckpoint> checkpoint(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(checkpoint(result)) : Optional.empty();
        }
    }

    private static StoredCheckpoint checkpoint(ResultSet result) throws SQLException {
        return new StoredCheckpoint(result.getLong(1), result.getBytes(2), result.getObject(3, OffsetDateTime.class),
                result.getBytes(4), result.getString(5), result.getString(6));
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String placeholders(int count, String one) {
        List<String> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(one);
        }
        return String.join(", ", all);
    }
}
