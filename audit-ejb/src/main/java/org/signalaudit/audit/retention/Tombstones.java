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
        return select(connection, "ORDER BY id", null);
    }

    /** The month that retention dropped with this leaf's row, as "state 2025-10 on <instant>", or empty. */
    public static Optional<String> retiredWith(Connection connection, long leafIndex) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT t.table_code, t.month_start, t.dropped_at "
                + "FROM audit_tombstone_leaf l JOIN audit_tombstone t ON t.id = l.tombstone_id WHERE l.leaf_index = ?")) {
            select.setLong(1, leafIndex);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + " " + row.getDate(2).toLocalDate().toString()
                        .substring(0, 7) + " on " + row.getTimestamp(3).toInstant()) : Optional.empty();
            }
        }
    }

    static RetiredMonth byId(Connection connection, long id) throws SQLException {
        return select(connection, "WHERE id = ?", id).get(0);
    }

    private static List<RetiredMonth> select(Connection connection, String where, Long id) throws SQLException {
        List<RetiredMonth> months = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT table_code, month_start, row_count, "
                + "first_leaf, last_leaf, leaves_digest, dropped_at, dropped_by, reason FROM audit_tombstone " + where)) {
            if (id != null) {
                select.setLong(1, id);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long first = row.getLong(4);
                    Long firstLeaf = row.wasNull() ? null : first;
                    long last = row.getLong(5);
                    Long lastLeaf = row.wasNull() ? null : last;
                    months.add(new RetiredMonth(row.getString(1), row.getDate(2).toLocalDate().toString().substring(0, 7),
                            row.getLong(3), firstLeaf, lastLeaf, HexFormat.of().formatHex(row.getBytes(6)),
                            row.getTimestamp(7).toInstant(), row.getString(8), row.getString(9)));
                }
            }
        }
        return months;
    }
}
