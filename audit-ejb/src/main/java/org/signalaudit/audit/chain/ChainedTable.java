package org.signalaudit.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit tables that carry a hash chain, and the columns the hash covers, in the order the
 * digest takes them. Every column but the surrogate id and the chain's own columns is covered.
 * The writers hand their values in this order ({@link ChainedRow#chainedValues()}); the verifier
 * reads them back from the table with {@link #valuesOf(ResultSet)}.
 */
public enum ChainedTable {

    STATE("user_state_audit", Lock.BUSINESS,
            text("username"), text("initiated_by"), text("start_state"), text("end_state"),
            instant("occurred_at"), text("ip_address"), text("origin"), text("event"), text("reason"),
            text("request_id")),
    ENTITY("entity_audit", Lock.BUSINESS,
            text("entity_type"), text("entity_id"), text("action"), json("changes"), text("initiated_by"),
            text("ip_address"), text("origin"), instant("occurred_at"), text("request_id")),
    REQUEST("request_audit", Lock.OWN,
            text("request_id"), instant("occurred_at"), number("duration_ms"), text("method"), text("path"),
            text("route"), number("status"), text("actor"), text("client_ip"), text("peer_ip"),
            text("user_agent"), text("resource"), text("model"), text("category"), text("summary"),
            text("error_class"), text("error_detail"), text("origin")),
    LOGIN("login_audit", Lock.OWN,
            instant("occurred_at"), text("event"), text("username"), text("reason"), text("client_ip"),
            text("user_agent"), text("request_id"));

    /** How a column's value is put into canonical form. */
    public enum Kind { TEXT, NUMBER, INSTANT, JSON }

    public record Column(String name, Kind kind) {
    }

    /**
     * Which heads a writer locks. The state and entity rows are written in the transaction of the
     * change, sometimes both in one: such a writer locks both heads in one fixed order, whichever
     * it writes, so no two transactions wait on each other in a cycle.
     */
    enum Lock { BUSINESS, OWN }

    /** The heads of the chains written in business transactions, in lock order (built once). */
    private static final List<String> BUSINESS_HEADS = Arrays.stream(values())
            .filter(table -> table.lock == Lock.BUSINESS).map(ChainedTable::tableName).sorted().toList();

    private final String tableName;
    private final Lock lock;
    private final List<Column> columns;

    ChainedTable(String tableName, Lock lock, Column... columns) {
        this.tableName = tableName;
        this.lock = lock;
        this.columns = List.of(columns);
    }

    public String tableName() {
        return tableName;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The heads to lock before linking rows of these tables, in the one order every writer uses. */
    static List<String> headsToLock(Set<ChainedTable> tables) {
        return tables.stream().flatMap(table -> table.lock == Lock.OWN ? Stream.of(table.tableName) : BUSINESS_HEADS.stream())
                .distinct().sorted().toList();
    }

    /** The covered columns, comma-separated, for a SELECT. */
    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** The covered values of the current row, read as the digest expects them. */
    List<Object> valuesOf(ResultSet row) throws SQLException {
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
