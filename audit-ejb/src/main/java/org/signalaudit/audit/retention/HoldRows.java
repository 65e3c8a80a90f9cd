package org.signalaudit.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.PlaceHold;

/** The {@code legal_hold} table (migration V42), in plain JDBC on the caller's connection. */
final class HoldRows {

    private static final String COLUMNS = "id, username, held_from, held_to, reason, placed_by, placed_at, "
            + "released_by, released_at, release_reason";

    private HoldRows() {
    }

    /** Active holds first, then newest first. */
    static List<HoldView> all(Connection connection) throws SQLException {
        List<HoldView> holds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold "
                + "ORDER BY CASE WHEN released_at IS NULL THEN 0 ELSE 1 END, id DESC");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                holds.add(view(result));
            }
        }
        return holds;
    }

    static Optional<HoldView> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM legal_hold WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(view(result)) : Optional.empty();
            }
        }
    }

    static long insert(Connection connection, PlaceHold hold, String placedBy, Instant now) throws SQLException {
        long id;
        try (PreparedStatement next = connection.prepareStatement(
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                        ? "SELECT nextval('legal_hold_seq')" : "SELECT NEXT VALUE FOR legal_hold_seq");
             ResultSet result = next.executeQuery()) {
            result.next();
            id = result.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO legal_hold (id, username, held_from, "
                + "held_to, reason, placed_by, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, hold.username());
            instant(insert, 3, hold.from());
            instant(insert, 4, hold.to());
            insert.setString(5, hold.reason());
            insert.setString(6, placedBy);
            instant(insert, 7, now);
            insert.executeUpdate();
        }
        return id;
    }

    /** Releases an active hold; false if it was released already (by someone else meanwhile). */
    static boolean release(Connection connection, long id, String releasedBy, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE legal_hold SET released_by = ?, "
                + "released_at = ?, release_reason = ? WHERE id = ? AND released_at IS NULL")) {
            update.setString(1, releasedBy);
            instant(update, 2, now);
            update.setString(3, reason);
            update.setLong(4, id);
            return update.executeUpdate() == 1;
        }
    }

    private static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static HoldView view(ResultSet row) throws SQLException {
        return new HoldView(row.getLong(1), row.getString(2), instant(row, 3), instant(row, 4), row.getString(5),
                row.getString(6), instant(row, 7), row.getString(8), instant(row, 9), row.getString(10));
    }

    private static Instant instant(ResultSet row, int index) throws SQLException {
        Timestamp value = row.getTimestamp(index);
        return value == null ? null : value.toInstant();
    }
}
