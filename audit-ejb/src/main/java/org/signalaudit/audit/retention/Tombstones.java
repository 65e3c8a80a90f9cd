package org.signalaudit.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.signalaudit.audit.RetiredMonth;

/**
 * The tombstones of the months retention dropped ({@code audit_tombstone}, migration V42), as the
 * API, the screen and the evidence pack show them.
 */
public final class Tombstones {

    private Tombstones() {
    }

    /** Every tombstone, oldest drop first. */
    public static List<RetiredMonth> all(Connection connection) throws SQLException {
        return select(connection, "ORDER BY id", null).stream().map(Stored::month).toList();
    }

    /**
     * The month that retention dropped with this leaf's row, as "state 2025-10 on <instant>", or
     * empty. A tombstone's ranges stand for the leaves of its own table only, hence the table.
     */
    public static Optional<String> retiredWith(Connection connection, String tableCode, long leafIndex)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT t.table_code, t.month_start, t.dropped_at "
                + "FROM audit_tombstone_range r JOIN audit_tombstone t ON t.id = r.tombstone_id "
                + "WHERE r.first_leaf <= ? AND r.last_leaf >= ? AND t.table_code = ?")) {
            select.setLong(1, leafIndex);
            select.setLong(2, leafIndex);
            select.setString(3, tableCode);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + " " + row.getDate(2).toLocalDate().toString()
                        .substring(0, 7) + " on " + row.getTimestamp(3).toInstant()) : Optional.empty();
            }
        }
    }

    /**
     * What the request trail's RETIRE row says of a dropped month, written in the drop's own
     * transaction ({@link RetentionSteps}) and looked for by the verify ({@link TombstoneAudit}): it
     * names the tombstone by its table and month (one tombstone each) and repeats what the tombstone
     * holds, so a tombstone whose sealed trail row says otherwise, or that has none, was not written
     * by retention.
     */
    static String trailRecord(RetiredMonth month) {
        return "retention dropped " + month.table() + " " + month.month() + ": " + month.rows() + " rows, leaves "
                + month.firstLeaf() + ".." + month.lastLeaf() + ", leaves digest " + month.leavesDigest()
                + "; reason: " + month.reason();
    }

    static RetiredMonth byId(Connection connection, long id) throws SQLException {
        return select(connection, "WHERE id = ?", id).get(0).month();
    }

    /** A tombstone as stored: its id, and the month it records. */
    record Stored(long id, RetiredMonth month) {
    }

    /** The tombstones of one table, oldest drop first. */
    static List<Stored> of(Connection connection, String tableCode) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE table_code = ? ORDER BY id")) {
            select.setString(1, tableCode);
            return read(select);
        }
    }

    private static final String SELECT = "SELECT table_code, month_start, row_count, first_leaf, last_leaf, "
            + "leaves_digest, dropped_at, dropped_by, reason, id FROM audit_tombstone ";

    private static List<Stored> select(Connection connection, String where, Long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + where)) {
            if (id != null) {
                select.setLong(1, id);
            }
            return read(select);
        }
    }

    private static List<Stored> read(PreparedStatement select) throws SQLException {
        List<Stored> months = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long first = row.getLong(4);
                Long firstLeaf = row.wasNull() ? null : first;
                long last = row.getLong(5);
                Long lastLeaf = row.wasNull() ? null : last;
                months.add(new Stored(row.getLong(10), new RetiredMonth(row.getString(1),
                        row.getDate(2).toLocalDate().toString().substring(0, 7), row.getLong(3), firstLeaf, lastLeaf,
                        HexFormat.of().formatHex(row.getBytes(6)), row.getTimestamp(7).toInstant(),
                        row.getString(8), row.getString(9))));
            }
        }
        return months;
    }
}
