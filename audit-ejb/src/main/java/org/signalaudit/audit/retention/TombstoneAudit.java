package org.signalaudit.audit.retention;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

import org.signalaudit.audit.AuditRetention;
import org.signalaudit.audit.IntegrityBreak;
import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.audit.entity.AuditTable;

/**
 * The verify's check of one table's tombstones (docs/INTEGRITY.md, "Retention"): a tombstone
 * excuses the rows of the leaves it covers only if it proves itself. Fed every leaf of the table
 * in leaf order by the verify's pass over the rows ({@code audit.seal.TreeAudit}), it then holds:
 * <ul>
 * <li>its leaves digest is the SHA-256 of the hashes of the leaves it covers, as the tree holds
 * them, its row count and leaf range are theirs, and none of their rows is still there;</li>
 * <li>a sealed row of the request trail (category RETENTION, method RETIRE), written in the drop's
 * own transaction, records it with the same table, month, rows, leaf range and digest.</li>
 * </ul>
 * A database superuser can write a tombstone, but not a sealed trail row: an unsealed one is either
 * sealed by the next seal (and then the retirement it claims is in the signed log, the syslog copy
 * and every checkpoint published from then on) or sits behind the sealer's place, where the verify
 * finds it INSERTED. So a trail row written but not sealed yet (the second or so after a drop) keeps
 * its tombstone pending, not broken, like any unsealed row.
 */
public final class TombstoneAudit {

    /** One tombstone and what the leaves the verify read say of it. */
    private static final class Checked {
        final long id;
        final RetiredMonth month;
        final MessageDigest digest = sha256();
        long leaves;
        Long firstLeaf;
        Long lastLeaf;
        long liveLeaf = -1;
        long liveRow;

        Checked(long id, RetiredMonth month) {
            this.id = id;
            this.month = month;
        }
    }

    private final AuditTable table;
    private final List<Checked> tombstones = new ArrayList<>();
    /** The ranges of leaves, by first leaf: each stands for the leaves of this table within it. */
    private final NavigableMap<Long, Map.Entry<Long, Checked>> ranges = new TreeMap<>();

    private TombstoneAudit(AuditTable table) {
        this.table = table;
    }

    /** The tombstones of {@code table} and their ranges, read in the verify's snapshot (few: one per month dropped). */
    public static TombstoneAudit of(Connection connection, AuditTable table) throws SQLException {
        TombstoneAudit audit = new TombstoneAudit(table);
        Map<Long, Checked> byId = new TreeMap<>();
        for (Tombstones.Stored stored : Tombstones.of(connection, table.code())) {
            Checked checked = new Checked(stored.id(), stored.month());
            audit.tombstones.add(checked);
            byId.put(stored.id(), checked);
        }
        if (byId.isEmpty()) {
            return audit;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT r.first_leaf, r.last_leaf, r.tombstone_id "
                + "FROM audit_tombstone_range r JOIN audit_tombstone t ON t.id = r.tombstone_id WHERE t.table_code = ?")) {
            select.setString(1, table.code());
            try (ResultSet range = select.executeQuery()) {
                while (range.next()) {
                    audit.ranges.put(range.getLong(1), Map.entry(range.getLong(2), byId.get(range.getLong(3))));
                }
            }
        }
        return audit;
    }

    /**
     * One leaf of the table, in leaf order: true if a tombstone covers it (its row, if gone, was
     * dropped by retention, should the tombstone prove itself); its hash then counts toward that
     * tombstone's digest. {@code presentRow} is the leaf's row id if the row is still there, else null.
     */
    public boolean covers(long leafIndex, byte[] leafHash, Long presentRow) {
        Map.Entry<Long, Map.Entry<Long, Checked>> range = ranges.floorEntry(leafIndex);
        if (range == null || range.getValue().getKey() < leafIndex) {
            return false;
        }
        Checked tombstone = range.getValue().getValue();
        tombstone.digest.update(leafHash);
        tombstone.leaves++;
        tombstone.firstLeaf = tombstone.firstLeaf == null ? leafIndex : tombstone.firstLeaf;
        tombstone.lastLeaf = leafIndex;
        if (presentRow != null && tombstone.liveLeaf < 0) {
            tombstone.liveLeaf = leafIndex;
            tombstone.liveRow = presentRow;
        }
        return true;
    }

    /** After every leaf: the first tombstone that does not prove itself, as a FORGED_TOMBSTONE break, or null. */
    public IntegrityBreak firstBreak(Connection connection) throws SQLException {
        if (tombstones.isEmpty()) {
            return null;
        }
        List<TrailRow> trail = retirements(connection);
        for (Checked tombstone : tombstones) {
            String problem = problem(tombstone, trail);
            if (problem != null) {
                RetiredMonth month = tombstone.month;
                return new IntegrityBreak(month.firstLeaf() == null ? -1 : month.firstLeaf(), null,
                        IntegrityBreak.Kind.FORGED_TOMBSTONE, table.tableName() + ": the tombstone of " + month.table()
                        + " " + month.month() + " (leaves " + month.firstLeaf() + ".." + month.lastLeaf() + ", dropped "
                        + month.droppedAt() + " by " + month.droppedBy() + ") " + problem);
            }
        }
        return null;
    }

    private static String problem(Checked tombstone, List<TrailRow> trail) {
        RetiredMonth month = tombstone.month;
        if (tombstone.liveLeaf >= 0) {
            return "covers leaf " + tombstone.liveLeaf + ", whose row " + tombstone.liveRow + " is still there";
        }
        if (tombstone.leaves != month.rows() || !Objects.equals(tombstone.firstLeaf, month.firstLeaf())
                || !Objects.equals(tombstone.lastLeaf, month.lastLeaf())) {
            return "records " + month.rows() + " rows, but its ranges cover " + tombstone.leaves + " leaves ("
                    + tombstone.firstLeaf + ".." + tombstone.lastLeaf + ")";
        }
        if (!HexFormat.of().formatHex(tombstone.digest.digest()).equals(month.leavesDigest())) {
            return "has a leaves digest that is not the SHA-256 of the hashes of the leaves it covers";
        }
        String record = Tombstones.trailRecord(month);
        boolean pending = false;
        for (TrailRow row : trail) {
            if (row.path().startsWith(record)) {
                if (row.sealed()) {
                    return null;
                }
                pending = true;
            }
        }
        return pending ? null : "is recorded by no sealed RETIRE row of the request trail (category "
                + AuditRetention.CATEGORY + "): retention did not write it";
    }

    private record TrailRow(String path, boolean sealed) {
    }

    /** The trail's RETIRE rows of this table, and whether each is sealed. */
    private List<TrailRow> retirements(Connection connection) throws SQLException {
        List<TrailRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.path, CASE WHEN EXISTS (SELECT 1 "
                + "FROM audit_leaf l WHERE l.table_code = 'request' AND l.row_id = r.id) THEN 1 ELSE 0 END "
                + "FROM request_audit r WHERE r.category = ? AND r.method = 'RETIRE' AND r.path LIKE ?")) {
            select.setString(1, AuditRetention.CATEGORY);
            select.setString(2, "retention dropped " + table.code() + " %");
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new TrailRow(row.getString(1), row.getInt(2) == 1));
                }
            }
        }
        return rows;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
