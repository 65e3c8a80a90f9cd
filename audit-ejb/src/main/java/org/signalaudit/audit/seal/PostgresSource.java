package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.signalaudit.audit.entity.AuditTable;

/**
 * The rows to seal on PostgreSQL, by transaction id. Each audit row records the transaction that
 * wrote it ({@code written_by}, {@code pg_current_xact_id()}). {@code pg_snapshot_xmin} of a fresh
 * snapshot is the oldest transaction still running: every row written by a transaction below it
 * belongs to a finished transaction (visible if committed, gone if rolled back), and no row with a
 * smaller transaction id can appear later. So rows below the horizon, in (transaction, table, id)
 * order after the last sealed row, are final: nothing is skipped, nothing sealed twice. A
 * long-running or prepared transaction holds the horizon back; sealing waits for it, and the lag
 * shows it.
 */
final class PostgresSource implements SealSource {

    /** PostgreSQL's exported snapshot: valid while the exporting transaction stays open. */
    @Override
    public Optional<String> exportSnapshot(Connection connection) throws SQLException {
        try (PreparedStatement export = connection.prepareStatement("SELECT pg_export_snapshot()");
             ResultSet result = export.executeQuery()) {
            result.next();
            return Optional.of(result.getString(1));
        }
    }

    /** Sealed order: transaction, then table (in {@link AuditTable}'s order), then id. */
    private static final Comparator<Positioned> ORDER = Comparator.comparingLong(Positioned::xid)
            .thenComparing(positioned -> positioned.row().table())
            .thenComparingLong(positioned -> positioned.row().id());

    private record Positioned(long xid, PendingRow row) {
    }

    /** Where the last sealed row stands in the sealed order; rows carried from the chains have no transaction. */
    private record Position(long xid, int table, long id) {
        static final Position START = new Position(0, -1, 0);
    }

    @Override
    public List<PendingRow> next(Connection connection, Optional<TreeStore.Leaf> lastSealed, int limit)
            throws SQLException {
        Position after = position(connection, lastSealed);
        long horizon = horizon(connection);
        List<Positioned> candidates = new ArrayList<>();
        for (AuditTable table : AuditTable.values()) {
            candidates.addAll(read(connection, table, after, horizon, limit));
        }
        candidates.sort(ORDER);
        return candidates.stream().limit(limit).map(Positioned::row).toList();
    }

    /**
     * The position is written into the condition, not bound: bound, it leaves PostgreSQL a generic
     * plan from a statement's sixth run on, which cannot know that only the last few rows lie after
     * it, and reads every row of every partition (the seal lag's {@code min(occurred_at)}, asked
     * every interval: about a second per million rows; docs/PERFORMANCE.md, run 13). The values are
     * numbers read from the database, so the text is safe.
     */
    @Override
    public String unsealed(AuditTable table, Optional<TreeStore.Leaf> lastSealed, Connection connection)
            throws SQLException {
        Position after = position(connection, lastSealed);
        String xid = "'" + after.xid() + "'::xid8";
        String condition;
        if (table.ordinal() < after.table()) {
            condition = "t.written_by > " + xid;
        } else if (table.ordinal() == after.table()) {
            condition = "(t.written_by, t.id) > (" + xid + ", " + after.id() + ")";
        } else {
            condition = "t.written_by >= " + xid;
        }
        return "t.written_by IS NOT NULL AND " + condition;
    }

    /**
     * The seal lag (the shared statement, {@link SealSource#lagMillis}) with its plan pinned for the
     * statement's transaction. Asked without, the planner answered {@code min(occurred_at)} by
     * walking the {@code occurred_at} index from the oldest row, filtering every sealed row on the
     * way: it cannot estimate a range of {@code xid8} (no histogram arithmetic for the type) and took
     * a fixed few per cent of the rows to be unsealed, where only the newest hundreds are. That read
     * the whole table, 490 ms at 100,000 rows a table, on every instance twice a second: beside three
     * instances the database spent more than a core on it (docs/PERFORMANCE.md, run 15). The sealed
     * order in the statement keeps the minimum from being read off that index, and with no sequential
     * scan (nor parallel workers for a few rows) only the {@code (written_by, id)} index and the
     * unsealed rows are read: milliseconds, whatever the size of the tables.
     */
    @Override
    public long lagMillis(Connection connection, Optional<TreeStore.Leaf> lastSealed) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement pin = connection.createStatement()) {
            pin.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0");
            long lag = SealSource.super.lagMillis(connection, lastSealed);
            connection.commit();
            return lag;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public String sealedOrder() {
        return "t.written_by, t.id";
    }

    /** Nothing to bind: {@link #unsealed} writes the position into the condition. */
    @Override
    public int bindUnsealed(PreparedStatement statement, int index, AuditTable table,
                            Optional<TreeStore.Leaf> lastSealed, Connection connection) {
        return index;
    }

    private static long horizon(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<Positioned> read(Connection connection, AuditTable table, Position after, long horizon,
                                         int limit) throws SQLException {
        String sql = "SELECT id, written_by::text::bigint AS xid, " + table.columnList() + " FROM " + table.tableName()
                + " WHERE written_by < ?::text::xid8 AND " + afterCondition("", table, after)
                + " ORDER BY written_by, id LIMIT ?";
        List<Positioned> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, Long.toString(horizon));
            int next = bindAfter(select, 2, table, after);
            select.setInt(next, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Positioned(result.getLong("xid"),
                            new PendingRow(table, result.getLong("id"), table.valuesOf(result))));
                }
            }
        }
        return rows;
    }

    /** The rows of {@code table} after the position: a table before the position's own starts with the next transaction. */
    private static String afterCondition(String alias, AuditTable table, Position after) {
        if (table.ordinal() < after.table()) {
            return alias + "written_by > ?::text::xid8";
        }
        if (table.ordinal() == after.table()) {
            return "(" + alias + "written_by, " + alias + "id) > (?::text::xid8, ?)";
        }
        return alias + "written_by >= ?::text::xid8";
    }

    private static int bindAfter(PreparedStatement select, int index, AuditTable table, Position after)
            throws SQLException {
        select.setString(index, Long.toString(after.xid()));
        if (table.ordinal() == after.table()) {
            select.setLong(index + 1, after.id());
            return index + 2;
        }
        return index + 1;
    }

    /** The last position read, by leaf index: asked for several times per seal, read once. */
    private long positionOfLeaf = -1;
    private Position position;

    /**
     * The last sealed row's place, read from the row itself: the tree stores which row, the table its
     * transaction. Kept for the next call about the same leaf (an instance serves one thread).
     */
    private Position position(Connection connection, Optional<TreeStore.Leaf> lastSealed) throws SQLException {
        if (lastSealed.isEmpty()) {
            return Position.START;
        }
        if (lastSealed.get().index() != positionOfLeaf) {
            position = read(connection, lastSealed.get());
            positionOfLeaf = lastSealed.get().index();
        }
        return position;
    }

    private static Position read(Connection connection, TreeStore.Leaf leaf) throws SQLException {
        // A row retention dropped left its transaction id in its tombstone: the tree's last leaf, if
        // dropped, is the last leaf of one of its table's tombstone ranges (migration V61).
        try (PreparedStatement select = connection.prepareStatement("SELECT written_by::text::bigint FROM "
                + leaf.table().tableName() + " WHERE id = ? UNION ALL SELECT r.last_written_by::text::bigint"
                + " FROM audit_tombstone_range r JOIN audit_tombstone t ON t.id = r.tombstone_id"
                + " WHERE r.last_leaf = ? AND t.table_code = ? FETCH FIRST 1 ROWS ONLY")) {
            select.setLong(1, leaf.rowId());
            select.setLong(2, leaf.index());
            select.setString(3, leaf.table().code());
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new TamperingException("The last sealed row (" + leaf.table().code() + " " + leaf.rowId()
                            + ", leaf " + leaf.index() + ") is gone from " + leaf.table().tableName()
                            + " without a tombstone: sealing stops until an operator has looked (run the verify)");
                }
                long xid = result.getLong(1);
                return result.wasNull() ? new Position(0, -1, 0) : new Position(xid, leaf.table().ordinal(), leaf.rowId());
            }
        }
    }
}
