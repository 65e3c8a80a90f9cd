package org.signalaudit.audit.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four audit tables and their columns, in one place: the writer builds its INSERT from them
 * ({@link org.signalaudit.audit.control.AuditWriter}), the sealer and the verify read the same
 * columns back to hash a row ({@link #valuesOf(ResultSet)}), in this order. Every column but the
 * id and {@code written_by} (the writing transaction, filled by the database) is listed.
 *
 * <p>The order of the constants is part of the sealed order: rows of one transaction are sealed
 * table by table in this order, then by id.
 */
public enum AuditTable {

    STATE("state", "user_state_audit",
            text("username"), text("initiated_by"), text("start_state"), text("end_state"),
            instant("occurred_at"), text("ip_address"), text("origin"), text("event"), text("reason"),
            text("request_id")),
    ENTITY("entity", "entity_audit",
            text("entity_type"), text("entity_id"), text("action"), json("changes"), text("initiated_by"),
            text("ip_address"), text("origin"), instant("occurred_at"), text("request_id")),
    REQUEST("request", "request_audit",
            text("request_id"), instant("occurred_at"), number("duration_ms"), text("method"), text("path"),
            text("route"), number("status"), text("actor"), text("client_ip"), text("peer_ip"),
            text("user_agent"), text("resource"), text("model"), text("category"), text("summary"),
            text("error_class"), text("error_detail"), text("origin")),
    LOGIN("login", "login_audit",
            instant("occurred_at"), text("event"), text("username"), text("reason"), text("client_ip"),
            text("user_agent"), text("request_id"));

    /** How a column's value is written, read back and put into canonical form for its leaf. */
    public enum Kind { TEXT, NUMBER, INSTANT, JSON }

    public record Column(String name, Kind kind) {
    }

    private final String code;
    private final String tableName;
    private final List<Column> columns;

    AuditTable(String code, String tableName, Column... columns) {
        this.code = code;
        this.tableName = tableName;
        this.columns = List.of(columns);
    }

    /** The short name the API, the leaves and the proofs use: state, entity, request, login. */
    public String code() {
        return code;
    }

    public String tableName() {
        return tableName;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Optional<AuditTable> byCode(String code) {
        return Arrays.stream(values()).filter(table -> table.code.equals(code)).findFirst();
    }

    /** The covered columns, comma-separated, for a SELECT or an INSERT. */
    public String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The covered values of the current row, as {@link org.signalaudit.audit.seal.LeafData} takes them. */
    public List<Object> valuesOf(ResultSet row) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (Column column : columns) {
            values.add(switch (column.kind()) {
                case TEXT, JSON -> row.getString(column.name());
                case NUMBER -> {
                    long number = row.getLong(column.name());
                    yield row.wasNull() ? null : number;
                }
                case INSTANT -> {
                    OffsetDateTime instant = row.getObject(column.name(), OffsetDateTime.class);
                    yield instant == null ? null : instant.toInstant();
                }
            });
        }
        return values;
    }

    private static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    private static Column number(String name) {
        return new Column(name, Kind.NUMBER);
    }

    private static Column instant(String name) {
        return new Column(name, Kind.INSTANT);
    }

    private static Column json(String name) {
        return new Column(name, Kind.JSON);
    }
}
