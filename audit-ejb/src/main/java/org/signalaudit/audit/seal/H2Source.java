package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.signalaudit.audit.entity.AuditTable;

/**
 * The rows to seal on the embedded H2 database, which has no transaction ids. One instance runs on
 * it, so the sealer fences by id: it reads each table's highest committed id, then the sessions
 * that hold uncommitted changes at that moment. A row with an id up to the fence that is not
 * committed yet belongs to one of those sessions (its id was taken before the fence was read). Once
 * each of them has been seen without uncommitted changes, every row up to the fence is final, and
 * the rows are sealed table by table, by id. Then the next fence.
 */
final class H2Source implements SealSource {

    /** The fence being waited for: the highest ids, and the sessions that may still commit below them. */
    private Map<AuditTable, Long> fence;
    private Set<Long> waitingFor = Set.of();

    @Override
    public synchronized List<PendingRow> next(Connection connection, Optional<TreeStore.Leaf> lastSealed, int limit)
            throws SQLException {
        if (fence == null) {
            fence = highestIds(connection);
            waitingFor = uncommittedSessions(connection);
        } else {
            waitingFor.retainAll(uncommittedSessions(connection));
        }
        if (!waitingFor.isEmpty()) {
            return List.of();
        }
        List<PendingRow> rows = new ArrayList<>();
        for (AuditTable table : AuditTable.values()) {
            if (rows.size() < limit) {
                rows.addAll(read(connection, table, lastSealedId(connection, table), fence.get(table), limit - rows.size()));
            }
        }
        if (rows.size() < limit) {
            fence = null; // everything up to this fence is sealed with these rows: the next call sets a new one
        }
        return rows;
    }

    @Override
    public String unsealed(AuditTable table, Optional<TreeStore.Leaf> lastSealed, Connection connection) {
        return "t.id > ?";
    }

    /** One id sequence per table: its rows' ids are their order. */
    @Override
    public String sealedOrder() {
        return "t.id";
    }

    @Override
    public int bindUnsealed(PreparedStatement statement, int index, AuditTable table,
                                Optional<TreeStore.Leaf> lastSealed, Connection connection) throws SQLException {
        statement.setLong(index, lastSealedId(connection, table));
        return index + 1;
    }

    private static List<PendingRow> read(Connection connection, AuditTable table, long after, long upTo, int limit)
            throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + table.columnList() + " FROM "
                + table.tableName() + " WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setInt(3, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new PendingRow(table, result.getLong("id"), table.valuesOf(result)));
                }
            }
        }
        return rows;
    }

    private static long lastSealedId(Connection connection, AuditTable table) throws SQLException {
        return single(connection, "SELECT COALESCE(MAX(row_id), 0) FROM audit_leaf WHERE table_code = ?", table.code());
    }

    private static Map<AuditTable, Long> highestIds(Connection connection) throws SQLException {
        Map<AuditTable, Long> highest = new EnumMap<>(AuditTable.class);
        for (AuditTable table : AuditTable.values()) {
            highest.put(table, single(connection, "SELECT COALESCE(MAX(id), 0) FROM " + table.tableName()));
        }
        return highest;
    }

    private static Set<Long> uncommittedSessions(Connection connection) throws SQLException {
        Set<Long> sessions = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID()");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                sessions.add(result.getLong(1));
            }
        }
        return sessions;
    }

    private static long single(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
