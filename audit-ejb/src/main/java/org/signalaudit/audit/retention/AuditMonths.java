package org.signalaudit.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.entity.AuditTable;

/**
 * The database side of retention, in plain JDBC on a connection the caller gives: which month
 * partitions exist, which active hold keeps a month, whether a month holds rows not sealed yet,
 * and the months ahead (migration V43's functions).
 */
final class AuditMonths {

    private AuditMonths() {
    }

    static boolean partitioned(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return false;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                        + "WHERE c.relname = 'user_state_audit'");
             ResultSet result = select.executeQuery()) {
            return result.next();
        }
    }

    /** The month partitions of the four tables, oldest first (the DEFAULT partitions are not months). */
    static List<AuditMonth> list(Connection connection) throws SQLException {
        List<AuditMonth> months = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT parent.relname, child.relname "
                + "FROM pg_inherits i JOIN pg_class parent ON parent.oid = i.inhparent "
                + "JOIN pg_class child ON child.oid = i.inhrelid WHERE child.relname ~ '_p[0-9]{6}$'");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String parent = result.getString(1);
                String child = result.getString(2);
                for (AuditTable table : AuditTable.values()) {
                    if (table.tableName().equals(parent)) {
                        String digits = child.substring(child.length() - 6);
                        months.add(new AuditMonth(table, YearMonth.of(Integer.parseInt(digits.substring(0, 4)),
                                Integer.parseInt(digits.substring(4)))));
                    }
                }
            }
        }
        months.sort(Comparator.comparing(AuditMonth::month).thenComparing(AuditMonth::table));
        return months;
    }

    /** The first active hold that covers a row of the month, as "hold N (why)", or empty. */
    static Optional<String> heldBy(Connection connection, AuditMonth month, List<HoldView> holds) throws SQLException {
        for (HoldView hold : holds) {
            if (!hold.active()) {
                continue;
            }
            Instant from = later(hold.from(), month.start());
            Instant to = earlier(hold.to(), month.end());
            if (!from.isBefore(to)) {
                continue;
            }
            if (hold.username() == null || holdsRowsOf(connection, month.table(), hold.username(), from, to)) {
                return Optional.of("legal hold " + hold.id() + " (" + (hold.username() == null ? "" : "user "
                        + hold.username() + ", ") + range(hold) + "): " + hold.reason());
            }
        }
        return Optional.empty();
    }

    private static boolean holdsRowsOf(Connection connection, AuditTable table, String username, Instant from,
                                       Instant to) throws SQLException {
        String users = String.join(" OR ", userColumns(table).stream().map(column -> column + " = ?").toList());
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table.tableName()
                + " WHERE occurred_at >= ? AND occurred_at < ? AND (" + users + ") FETCH FIRST 1 ROWS ONLY")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(to));
            for (int i = 0; i < userColumns(table).size(); i++) {
                select.setString(3 + i, username);
            }
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

    /** The columns that name a user in each table: whose row it is, and who acted. */
    static List<String> userColumns(AuditTable table) {
        return switch (table) {
            case STATE -> List.of("username", "initiated_by");
            case ENTITY -> List.of("initiated_by", "entity_id");
            case REQUEST -> List.of("actor");
            case LOGIN -> List.of("username");
        };
    }

    /** How many rows of the month the sealer has not put in the tree (retention waits for them). */
    static long unsealed(Connection connection, AuditMonth month) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + month.table().tableName()
                + " t WHERE t.occurred_at >= ? AND t.occurred_at < ? AND NOT EXISTS (SELECT 1 FROM audit_leaf l "
                + "WHERE l.table_code = ? AND l.row_id = t.id)")) {
            select.setTimestamp(1, Timestamp.from(month.start()));
            select.setTimestamp(2, Timestamp.from(month.end()));
            select.setString(3, month.table().code());
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * How many rows of {@code table} older than {@code before} sit in its DEFAULT partition: rows
     * written for a month that had no partition (V43), which retention never drops (it drops whole
     * months, and a month cannot be created while the DEFAULT partition holds rows of it). Read
     * through the parent, where the application's role may read.
     */
    static long dueInDefault(Connection connection, AuditTable table, Instant before) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + table.tableName()
                + " WHERE occurred_at < ? AND tableoid = to_regclass(?)")) {
            select.setTimestamp(1, Timestamp.from(before));
            select.setString(2, table.tableName() + "_default");
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Creates the month's partition of every table where it is missing (V43's audit_month_partition),
     * on a connection in auto-commit; returns why a table's month could not be created (PostgreSQL
     * refuses a month whose rows the DEFAULT partition already holds), so one table does not stop the others.
     */
    static List<String> create(Connection connection, YearMonth month) throws SQLException {
        List<String> refused = new ArrayList<>();
        try (PreparedStatement create = connection.prepareStatement("SELECT audit_month_partition(?, ?)")) {
            for (AuditTable table : AuditTable.values()) {
                create.setString(1, table.tableName());
                create.setObject(2, month.atDay(1));
                try {
                    create.executeQuery().close();
                } catch (SQLException e) {
                    refused.add(table.tableName() + " " + month + ": " + e.getMessage());
                }
            }
        }
        return refused;
    }

    static String range(HoldView hold) {
        return hold.from() == null && hold.to() == null ? "all time"
                : "[" + (hold.from() == null ? "-" : hold.from()) + ", " + (hold.to() == null ? "-" : hold.to()) + ")";
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || a.isBefore(b) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || a.isAfter(b) ? b : a;
    }
}
