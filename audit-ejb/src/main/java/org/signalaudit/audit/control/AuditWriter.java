package org.signalaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.entity.AuditRow;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.store.TransactionConnection;

/**
 * The one way an audit row is written, for all four tables: a JDBC INSERT of the columns
 * {@link AuditTable} lists, on the connection of the current transaction. Nothing else: no lock, no
 * head, no sequence held until the commit; the database fills the id and {@code written_by} (the
 * writing transaction), and the sealer takes the row once it has committed
 * (docs/INTEGRITY.md).
 *
 * <p>Why JDBC and not {@code persist}: the entity rows are written while EclipseLink flushes (from
 * the JPA callbacks, where the EntityManager may not be used), so JDBC on the flush's own
 * connection is the one way that works for every row. A failed insert throws, which rolls the
 * transaction back: the change does not happen without its row (DESIGN.md, rule 1).
 *
 * <p>A transaction is mandatory: {@link TransactionConnection}, an EJB of attribute
 * {@code MANDATORY}, refuses a call without one. No {@code @Transactional} interceptor repeats
 * that check here on every row; Payara's looks the transaction manager up in JNDI on each call.
 */
@ApplicationScoped
public class AuditWriter {

    @Inject
    TransactionConnection transaction;

    private final Map<AuditTable, String> inserts = new EnumMap<>(AuditTable.class);

    public void insert(AuditRow row) {
        AuditTable table = row.table();
        try {
            transaction.apply(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(insertSql(table, connection))) {
                    List<Object> values = row.values();
                    for (int i = 0; i < values.size(); i++) {
                        bind(insert, i + 1, table.columns().get(i).kind(), values.get(i));
                    }
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The " + table.tableName() + " row could not be written; "
                    + "its transaction is rolled back", e);
        }
    }

    private static void bind(PreparedStatement insert, int index, AuditTable.Kind kind, Object value)
            throws SQLException {
        switch (kind) {
            case TEXT, JSON -> insert.setString(index, value == null ? null
                    : value instanceof Enum<?> constant ? constant.name() : value.toString());
            case NUMBER -> {
                if (value == null) {
                    insert.setNull(index, Types.BIGINT);
                } else {
                    insert.setLong(index, ((Number) value).longValue());
                }
            }
            case INSTANT -> insert.setObject(index, value, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** Built once per table; PostgreSQL's jsonb takes JSON text only through a cast, H2 stores the text. */
    private String insertSql(AuditTable table, Connection connection) throws SQLException {
        String sql = inserts.get(table);
        if (sql == null) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            String placeholders = table.columns().stream()
                    .map(column -> column.kind() == AuditTable.Kind.JSON && postgres ? "CAST(? AS jsonb)" : "?")
                    .collect(Collectors.joining(", "));
            sql = "INSERT INTO " + table.tableName() + " (" + table.columnList() + ") VALUES (" + placeholders + ")";
            synchronized (inserts) {
                inserts.put(table, sql);
            }
        }
        return sql;
    }
}
