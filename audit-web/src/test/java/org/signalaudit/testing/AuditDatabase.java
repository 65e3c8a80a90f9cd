package org.signalaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The tests' own JDBC view of the application's PostgreSQL database (system properties
 * {@code audit.test.db.*}, or inside the server the application's own {@code audit.db.*}): the
 * rows the application wrote, and triggers that make it fail on purpose. A fresh connection per
 * call, in auto-commit, so every read sees what is committed.
 */
public final class AuditDatabase {

    private static final String ROW_COLUMNS = "id, username, initiated_by, start_state, end_state, occurred_at, "
            + "ip_address, origin, event, reason, request_id";

    private final String url;
    private final String user;
    private final String password;

    private AuditDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static AuditDatabase fromSystemProperties() {
        return new AuditDatabase(required("url"), required("user"), required("password"));
    }

    /** Another database of the same server or another server, as the application's role. */
    public static AuditDatabase at(String url) {
        return new AuditDatabase(url, required("user"), required("password"));
    }

    /**
     * The same database as PostgreSQL's superuser ({@code audit.test.db.superuser}, default
     * {@code postgres}, trust authentication on the test machines): the attacker who can do anything,
     * for the tests that tamper with the audit tables behind the application's back.
     */
    public AuditDatabase asSuperuser() {
        return new AuditDatabase(url, System.getProperty("audit.test.db.superuser", "postgres"), "");
    }

    /** One row of {@code user_state_audit}. */
    public record AuditRow(long id, String username, String initiatedBy, String startState, String endState,
                           OffsetDateTime occurredAt, String ipAddress, String origin, String event,
                           String reason, String requestId) {
    }

    /** One row of {@code entity_audit}, its changes parsed. */
    public record EntityRow(long id, String entityType, String entityId, String action, JsonObject changes,
                            String initiatedBy, String ipAddress, String origin, OffsetDateTime occurredAt,
                            String requestId) {
    }

    /** The columns of {@code user_account} that the tests look at. */
    public record UserRow(String username, String role, String state, long version) {
    }

    /** The audit rows of one user, oldest first. */
    public List<AuditRow> rowsOf(String username) {
        return auditRows("WHERE username = ? ORDER BY id", username);
    }

    /** The audit rows one request wrote. */
    public List<AuditRow> rowsOfRequest(String requestId) {
        return auditRows("WHERE request_id = ? ORDER BY id", requestId);
    }

    /** The entity audit rows of one entity, oldest first. */
    public List<EntityRow> entityRowsOf(String entityType, String entityId) {
        return entityRows("WHERE entity_type = ? AND entity_id = ? ORDER BY id", entityType, entityId);
    }

    /** The entity audit rows one request wrote, oldest first. */
    public List<EntityRow> entityRowsOfRequest(String requestId) {
        return entityRows("WHERE request_id = ? ORDER BY id", requestId);
    }

    /** The entity audit rows of one entity type written after the row {@code afterId}, oldest first. */
    public List<EntityRow> entityRowsAfter(long afterId, String entityType) {
        return entityRows("WHERE id > " + afterId + " AND entity_type = ? ORDER BY id", entityType);
    }

    public long lastEntityRowId() {
        return queryForLong("SELECT COALESCE(MAX(id), 0) FROM entity_audit");
    }

    public Optional<UserRow> user(String username) {
        String sql = "SELECT username, role, state, version FROM user_account WHERE username = ?";
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new UserRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public UserRow existingUser(String username) {
        return user(username).orElseThrow(() -> new AssertionError("No user_account row for " + username));
    }

    /**
     * Everything a refused request must leave as it was: every row of the business tables,
     * versions, states and failed-login counts included, and the number of state and entity
     * audit rows. (The request and login trails grow with every request, refused or not.)
     */
    public String businessSnapshot() {
        var snapshot = new StringBuilder();
        for (String table : List.of("user_account ORDER BY id", "user_group ORDER BY id",
                "group_membership ORDER BY group_id, user_id")) {
            select("SELECT * FROM " + table).forEach(row -> snapshot.append(table, 0, table.indexOf(' '))
                    .append(' ').append(row).append('\n'));
        }
        snapshot.append("user_state_audit rows: ").append(queryForLong("SELECT COUNT(*) FROM user_state_audit")).append('\n');
        snapshot.append("entity_audit rows: ").append(queryForLong("SELECT COUNT(*) FROM entity_audit")).append('\n');
        return snapshot.toString();
    }

    /** The first column of the first row of a query, as a long. */
    public long queryForLong(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new IllegalStateException("No row: " + sql);
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Creates a PL/pgSQL trigger function with {@code body} (between BEGIN and END) and the
     * trigger that {@code definition} declares. In the definition, {@code {trigger}} and
     * {@code {function}} stand for the generated unique names. Closing the result drops both.
     */
    public Trigger createTrigger(String table, String definition, String body) {
        if (!user.equals(System.getProperty("audit.test.db.superuser", "postgres"))) {
            // The audit tables belong to the role audit_retention (migration V43), not to the
            // application's role: only their owner or the superuser may add a trigger to them.
            return asSuperuser().createTrigger(table, definition, body);
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var trigger = new Trigger(table, "it_trigger_" + suffix, "it_trigger_fn_" + suffix);
        execute("CREATE FUNCTION " + trigger.function + "() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN "
                + body + " END $fn$");
        try {
            execute(definition.replace("{trigger}", trigger.name).replace("{function}", trigger.function));
        } catch (RuntimeException e) {
            trigger.close();
            throw e;
        }
        return trigger;
    }

    /** Every row a query returns, as column name to value, in the query's order. */
    public List<Map<String, Object>> select(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                var rows = new ArrayList<Map<String, Object>>();
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    var values = new LinkedHashMap<String, Object>();
                    for (int c = 1; c <= columns; c++) {
                        values.put(row.getMetaData().getColumnLabel(c), row.getObject(c));
                    }
                    rows.add(values);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The {@code request_audit} row of a request. The trail is written when the request ends, in a
     * transaction of its own, so it may land a moment after the client has read the answer.
     */
    public Map<String, Object> awaitRequestRow(String requestId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            var rows = select("SELECT * FROM request_audit WHERE request_id = ?", requestId);
            if (!rows.isEmpty()) {
                assertThat(rows).as("request_audit rows of %s", requestId).hasSize(1);
                return rows.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No request_audit row for " + requestId);
            }
            pause();
        }
    }

    /** The {@code login_audit} rows of an attempted username, oldest first. */
    public List<Map<String, Object>> loginRows(String username) {
        return select("SELECT * FROM login_audit WHERE username = ? ORDER BY id", username);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SQL string literal; usernames and test strings only, never anything a user typed. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A trigger and its function, dropped again on {@link #close()}. */
    public final class Trigger implements AutoCloseable {

        private final String table;
        private final String name;
        private final String function;

        private Trigger(String table, String name, String function) {
            this.table = table;
            this.name = name;
            this.function = function;
        }

        @Override
        public void close() {
            execute("DROP TRIGGER IF EXISTS " + name + " ON " + table);
            execute("DROP FUNCTION IF EXISTS " + function + "()");
        }
    }

    private List<AuditRow> auditRows(String where, String parameter) {
        String sql = "SELECT " + ROW_COLUMNS + " FROM user_state_audit " + where;
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                var rows = new ArrayList<AuditRow>();
                while (row.next()) {
                    rows.add(new AuditRow(row.getLong("id"), row.getString("username"), row.getString("initiated_by"),
                            row.getString("start_state"), row.getString("end_state"),
                            row.getObject("occurred_at", OffsetDateTime.class), row.getString("ip_address"),
                            row.getString("origin"), row.getString("event"), row.getString("reason"),
                            row.getString("request_id")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<EntityRow> entityRows(String where, String... parameters) {
        String sql = "SELECT id, entity_type, entity_id, action, changes, initiated_by, ip_address, origin, "
                + "occurred_at, request_id FROM entity_audit " + where;
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                var rows = new ArrayList<EntityRow>();
                while (row.next()) {
                    rows.add(new EntityRow(row.getLong("id"), row.getString("entity_type"), row.getString("entity_id"),
                            row.getString("action"), parse(row.getString("changes")), row.getString("initiated_by"),
                            row.getString("ip_address"), row.getString("origin"),
                            row.getObject("occurred_at", OffsetDateTime.class), row.getString("request_id")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A connection of its own, for a test that holds a transaction open (the caller closes it). */
    public Connection newConnection() throws SQLException {
        return connect();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** {@code audit.test.db.<name>} in the test JVM (failsafe), {@code audit.db.<name>} in the server. */
    private static String required(String name) {
        String value = System.getProperty("audit.test.db." + name, System.getProperty("audit.db." + name));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property audit.test.db." + name + " is not set (failsafe passes it)");
        }
        return value;
    }
}
