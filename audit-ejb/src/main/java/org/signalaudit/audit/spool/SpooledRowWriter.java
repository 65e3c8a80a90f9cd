package org.signalaudit.audit.spool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.control.AuditWriter;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.store.TransactionConnection;

/**
 * Writes one spooled row through the one writer ({@link AuditWriter}), in a transaction of its
 * own, unless the row is in its table already. That check makes the replay idempotent: a replay
 * cut short by a crash after a commit, before the spool was emptied, starts again from the first
 * record and finds the rows it wrote; so does a row whose commit was sent but whose answer was
 * lost with the connection (it may have committed after all).
 *
 * <p>"The row already there" is the row with the same request id and the same moment, to the
 * microsecond, and the same method and status (a request row) or event and user name (a login
 * row). Request ids can come from clients ({@code X-Request-Id}) and are not unique by
 * themselves; with the moment taken by the server as well, two different rows never match in
 * practice. Both tables are indexed by request id.
 */
@ApplicationScoped
public class SpooledRowWriter {

    private static final Map<AuditTable, List<String>> SAME_ROW = Map.of(
            AuditTable.REQUEST, List.of("request_id", "occurred_at", "method", "status"),
            AuditTable.LOGIN, List.of("request_id", "occurred_at", "event", "username"));

    @Inject
    TransactionConnection transaction;

    @Inject
    AuditWriter writer;

    /** True if this call wrote the row, false if it was there already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean writeOnce(SpooledRow row) {
        try {
            if (transaction.apply(connection -> present(connection, row))) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for a spooled " + row.table().tableName() + " row", e);
        }
        writer.insert(row);
        return true;
    }

    private static boolean present(Connection connection, SpooledRow row) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String column : SAME_ROW.get(row.table())) {
            Object value = row.value(column);
            conditions.add(value == null ? column + " IS NULL" : column + " = ?");
            if (value != null) {
                values.add(value);
            }
        }
        String sql = "SELECT 1 FROM " + row.table().tableName() + " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Number number) {
                    select.setLong(i + 1, number.longValue());
                } else if (value instanceof OffsetDateTime) {
                    select.setObject(i + 1, value, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    select.setString(i + 1, value.toString());
                }
            }
            try (ResultSet found = select.executeQuery()) {
                return found.next();
            }
        }
    }
}
