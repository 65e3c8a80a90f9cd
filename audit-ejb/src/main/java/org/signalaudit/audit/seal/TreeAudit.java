package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

import org.signalaudit.audit.IntegrityBreak;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.TableIntegrity;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.retention.TombstoneAudit;
import org.signalaudit.proof.Frontier;
import org.signalaudit.proof.MerkleHash;

/**
 * The verify: re-derives the sealed log from the database, streaming, in memory independent of the
 * number of rows. Two passes prove together that the rows are the ones the checkpoints signed:
 * <ol>
 * <li>the tree: every leaf hash in leaf order, folded into the tree's right edge; at each
 * checkpoint's size the root must be the checkpoint's, its signature must verify with the seal key,
 * and it must name the previous checkpoint's note; and no row the sealer has passed may be
 * missing from the tree (INSERTED);</li>
 * <li>the rows, table by table: each sealed row must still hash to its leaf (EDITED otherwise;
 * DELETED when it is gone, unless retention dropped it behind a tombstone whose ranges cover its
 * leaf; REORDERED when two rows traded contents), and every tombstone must prove itself
 * ({@link TombstoneAudit}: FORGED_TOMBSTONE otherwise).</li>
 * </ol>
 */
final class TreeAudit {

    /** How many mismatching rows a table keeps to tell a swap from an edit; bounded, so memory stays flat. */
    private static final int MISMATCHES_KEPT = 100;

    private final Connection connection;
    private final Checkpoints checkpoints;
    private final SealSource source;
    private final ThreadFactory threads;

    /** A verify on {@code connection}'s snapshot; the rows pass reads ahead on a thread of {@code threads}. */
    TreeAudit(Connection connection, Checkpoints checkpoints, SealSource source, ThreadFactory threads) {
        this.connection = connection;
        this.checkpoints = checkpoints;
        this.source = source;
        this.threads = threads;
    }

    /**
     * What pass 1 found: the tree the leaves make, the first checkpoint that fails (or null), and
     * for each table with one, the first row the sealer has passed that no leaf holds (INSERTED).
     */
    record TreePass(Frontier tree, IntegrityBreak checkpointBreak, Map<AuditTable, IntegrityBreak> inserted) {
    }

    /** Both passes, one after the other. */
    IntegrityReport run() throws SQLException {
        return report(checkTree(), checkRows());
    }

    /** The report of both passes: a table's own break comes before a row inserted behind the sealer. */
    static IntegrityReport report(TreePass tree, List<TableIntegrity> tables) {
        List<TableIntegrity> checked = tables.stream().map(table -> {
            IntegrityBreak inserted = tree.inserted().get(AuditTable.byCode(table.table()).orElseThrow());
            return table.firstBreak() != null || inserted == null ? table
                    : new TableIntegrity(table.table(), false, table.rows(), inserted);
        }).toList();
        return IntegrityReport.of(tree.tree().size(), HexFormat.of().formatHex(tree.tree().root()), checked,
                tree.checkpointBreak());
    }

    /**
     * Pass 1: the leaves against the checkpoints, then every table for rows among the sealed ones
     * that no leaf holds. The second part is a scan of each table too; it is here, not in pass 2,
     * because pass 1 is the shorter one (docs/PERFORMANCE.md, run 28).
     */
    TreePass checkTree() throws SQLException {
        Frontier tree = Frontier.empty();
        IntegrityBreak checkpointBreak = checkTree(tree);
        Optional<TreeStore.Leaf> last = TreeStore.lastLeaf(connection);
        Map<AuditTable, IntegrityBreak> inserted = new EnumMap<>(AuditTable.class);
        for (AuditTable table : AuditTable.values()) {
            IntegrityBreak found = inserted(table, last);
            if (found != null) {
                inserted.put(table, found);
            }
        }
        return new TreePass(tree, checkpointBreak, inserted);
    }

    /** Pass 2: the rows of every table against their leaves. */
    List<TableIntegrity> checkRows() throws SQLException {
        List<TableIntegrity> tables = new ArrayList<>();
        for (AuditTable table : AuditTable.values()) {
            tables.add(checkRows(table));
        }
        return tables;
    }

    /** Pass 1 on {@code tree}; returns the first checkpoint that fails. */
    private IntegrityBreak checkTree(Frontier tree) throws SQLException {
        IntegrityBreak[] first = new IntegrityBreak[1];
        byte[][] previousNote = new byte[1][];
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT leaf_index, leaf_hash FROM audit_leaf ORDER BY leaf_index");
             PreparedStatement checkpointsInOrder = connection.prepareStatement("SELECT tree_size FROM audit_checkpoint "
                     + "ORDER BY tree_size")) {
            select.setFetchSize(ReadAhead.BATCH);
            checkpointsInOrder.setFetchSize(ReadAhead.BATCH);
            try (ResultSet leaves = select.executeQuery(); ResultSet sizes = checkpointsInOrder.executeQuery()) {
                long nextCheckpoint = sizes.next() ? sizes.getLong(1) : -1;
                while (nextCheckpoint == 0) {
                    nextCheckpoint = sizes.next() ? sizes.getLong(1) : -1;
                }
                while (leaves.next()) {
                    long index = leaves.getLong(1);
                    if (index != tree.size()) {
                        return breakAt(tree.size(), IntegrityBreak.Kind.DELETED, "leaves " + tree.size() + " to "
                                + (index - 1) + " are missing from audit_leaf");
                    }
                    tree.append(leaves.getBytes(2));
                    while (nextCheckpoint == tree.size()) {
                        IntegrityBreak broken = checkCheckpoint(nextCheckpoint, tree.root(), previousNote);
                        if (broken != null && first[0] == null) {
                            first[0] = broken;
                        }
                        nextCheckpoint = sizes.next() ? sizes.getLong(1) : -1;
                    }
                }
                if (nextCheckpoint > tree.size() && first[0] == null) {
                    first[0] = breakAt(nextCheckpoint, IntegrityBreak.Kind.DELETED, "checkpoint " + nextCheckpoint
                            + " covers more leaves than audit_leaf holds (" + tree.size() + "): leaves were removed");
                }
            }
        }
        return first[0];
    }

    private IntegrityBreak checkCheckpoint(long size, byte[] root, byte[][] previousNote) throws SQLException {
        TreeStore.StoredCheckpoint checkpoint = TreeStore.checkpointAt(connection, size).orElseThrow();
        String problem = null;
        try {
            var body = checkpoints.verified(checkpoint);
            if (body.size() != size || !Arrays.equals(body.rootHash(), root) || !Arrays.equals(checkpoint.rootHash(), root)) {
                problem = "checkpoint " + size + " signs a root the leaves do not give";
            } else if (previousNote[0] != null && !Arrays.equals(previousNote[0], checkpoint.previousHash())) {
                problem = "checkpoint " + size + " does not name the checkpoint before it";
            }
        } catch (RuntimeException e) {
            problem = "checkpoint " + size + " does not verify: " + e.getMessage();
        }
        previousNote[0] = Checkpoints.sha256(checkpoint.note());
        return problem == null ? null : breakAt(size, IntegrityBreak.Kind.CHECKPOINT, problem);
    }

    /** A leaf of the table and its row's values as read back, null when the row is gone. */
    private record SealedRow(long leafIndex, long rowId, byte[] leafHash, List<Object> values) {

        static SealedRow of(AuditTable table, ResultSet result) throws SQLException {
            long leafIndex = result.getLong(1);
            long rowId = result.getLong(2);
            byte[] leafHash = result.getBytes(3);
            result.getLong(4);
            boolean gone = result.wasNull();
            return new SealedRow(leafIndex, rowId, leafHash, gone ? null : table.valuesOf(result));
        }
    }

    /** A row whose content does not give its leaf, kept to recognise a swap. */
    private record Mismatch(long leafIndex, long rowId, List<Object> values, byte[] leafHash) {
    }

    /** Pass 2, one table: each sealed row against its leaf. */
    private TableIntegrity checkRows(AuditTable table) throws SQLException {
        long rows = 0;
        IntegrityBreak firstBreak = null;
        List<Mismatch> mismatches = new ArrayList<>();
        TombstoneAudit tombstones = TombstoneAudit.of(connection, table);
        try (PreparedStatement select = connection.prepareStatement("SELECT l.leaf_index, l.row_id, l.leaf_hash, "
                + "t.id AS present, " + prefixed(table) + " FROM audit_leaf l LEFT JOIN " + table.tableName()
                + " t ON t.id = l.row_id WHERE l.table_code = ? ORDER BY l.leaf_index")) {
            select.setString(1, table.code());
            try (var sealed = new ReadAhead<>(threads, select, result -> SealedRow.of(table, result))) {
                for (SealedRow row = sealed.next(); row != null; row = sealed.next()) {
                    long leafIndex = row.leafIndex();
                    long rowId = row.rowId();
                    byte[] leafHash = row.leafHash();
                    boolean gone = row.values() == null;
                    if (tombstones.covers(leafIndex, leafHash, gone ? null : rowId) && gone) {
                        continue; // dropped by retention, if its tombstone proves itself (checked below)
                    }
                    if (gone) {
                        firstBreak = first(firstBreak, new IntegrityBreak(leafIndex, rowId, IntegrityBreak.Kind.DELETED,
                                table.tableName() + ": row " + rowId + ", sealed as leaf " + leafIndex + ", is gone"));
                        continue;
                    }
                    List<Object> values = row.values();
                    if (Arrays.equals(MerkleHash.leaf(LeafData.of(table, rowId, values)), leafHash)) {
                        rows++;
                        continue;
                    }
                    IntegrityBreak found = swapped(table, mismatches, leafIndex, rowId, values, leafHash);
                    if (found == null) {
                        found = new IntegrityBreak(leafIndex, rowId, IntegrityBreak.Kind.EDITED, table.tableName()
                                + ": row " + rowId + " no longer matches leaf " + leafIndex
                                + ": its content was changed after it was sealed");
                    }
                    firstBreak = found.kind() == IntegrityBreak.Kind.REORDERED ? found : first(firstBreak, found);
                    if (mismatches.size() < MISMATCHES_KEPT) {
                        mismatches.add(new Mismatch(leafIndex, rowId, values, leafHash));
                    }
                }
            }
        }
        // A tombstone that does not prove itself comes first: the rows it covers are not checked as gone.
        IntegrityBreak forged = tombstones.firstBreak(connection);
        firstBreak = first(forged, firstBreak);
        return new TableIntegrity(table.code(), firstBreak == null, rows, firstBreak);
    }

    /** REORDERED when this row holds what an earlier mismatching row's leaf sealed, and that row holds this one's. */
    private static IntegrityBreak swapped(AuditTable table, List<Mismatch> mismatches, long leafIndex, long rowId,
                                          List<Object> values, byte[] leafHash) {
        for (Mismatch other : mismatches) {
            if (Arrays.equals(MerkleHash.leaf(LeafData.of(table, other.rowId(), values)), other.leafHash())
                    && Arrays.equals(MerkleHash.leaf(LeafData.of(table, rowId, other.values())), leafHash)) {
                return new IntegrityBreak(other.leafIndex(), other.rowId(), IntegrityBreak.Kind.REORDERED,
                        table.tableName() + ": rows " + other.rowId() + " and " + rowId + " (leaves " + other.leafIndex()
                                + " and " + leafIndex + ") traded their contents");
            }
        }
        return null;
    }

    /** The first row of {@code table} among those the sealer has passed ({@code last}) that no leaf holds. */
    private IntegrityBreak inserted(AuditTable table, Optional<TreeStore.Leaf> last) throws SQLException {
        if (last.isEmpty()) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT t.id FROM " + table.tableName() + " t WHERE NOT ("
                + source.unsealed(table, last, connection) + ") AND NOT EXISTS (SELECT 1 FROM audit_leaf l "
                + "WHERE l.table_code = ? AND l.row_id = t.id) ORDER BY t.id FETCH FIRST 1 ROWS ONLY")) {
            int next = source.bindUnsealed(select, 1, table, last, connection);
            select.setString(next, table.code());
            try (ResultSet result = select.executeQuery()) {
                if (result.next()) {
                    long rowId = result.getLong(1);
                    return new IntegrityBreak(-1, rowId, IntegrityBreak.Kind.INSERTED, table.tableName() + ": row "
                            + rowId + " sits among the sealed rows but is in no leaf: it was added behind the application");
                }
            }
        }
        return null;
    }

    private static IntegrityBreak first(IntegrityBreak current, IntegrityBreak found) {
        return current != null ? current : found;
    }

    private static IntegrityBreak breakAt(long position, IntegrityBreak.Kind kind, String detail) {
        return new IntegrityBreak(position, null, kind, detail);
    }

    private static String prefixed(AuditTable table) {
        return String.join(", ", table.columns().stream().map(column -> "t." + column.name()).toList());
    }
}
