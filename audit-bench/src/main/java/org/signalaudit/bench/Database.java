package org.signalaudit.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own PostgreSQL database, recreated at every run (127.0.0.1:5432, trust
 * authentication as on every project machine; {@code bench.pg.*} to point elsewhere).
 */
final class Database {

    final String name;
    final String host = System.getProperty("bench.pg.host", "127.0.0.1");
    final int port = Integer.getInteger("bench.pg.port", 5432);
    final String user = System.getProperty("bench.pg.user", "postgres");
    final String password = System.getProperty("bench.pg.password", "");

    Database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        this.name = name;
    }

    String url() {
        return url(name);
    }

    void recreate() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * A million-row audit history, written by SQL rather than through the application (which would
     * take hours at the API's pace): 10,000 users, 50 initiators, one row a second backwards, in one
     * transaction. The rows carry what the application's writer inserts and nothing more: the id
     * and {@code written_by} (this transaction) come from the columns' defaults, so the running
     * server's sealer seals them like any other committed rows, and the verify checks real leaves.
     */
    void fillAuditRows(int rows) throws SQLException {
        execute("INSERT INTO user_state_audit (username, initiated_by, start_state, end_state, occurred_at,"
                + " ip_address, origin, event, reason, request_id)"
                + " SELECT 'bulk-' || (g % 10000), 'admin-' || (g % 50), 'ACTIVE', 'LOCKED',"
                + " now() - make_interval(secs => g), '10.0.0.1', 'HTTP_API', 'LOCK', NULL, 'bulk-request-' || g"
                + " FROM generate_series(1, " + rows + ") AS g");
    }

    /** Every row of the four audit tables: what the tree holds once everything is sealed. */
    long auditRows() throws SQLException {
        return queryForLong("SELECT (SELECT count(*) FROM user_state_audit) + (SELECT count(*) FROM entity_audit)"
                + " + (SELECT count(*) FROM request_audit) + (SELECT count(*) FROM login_audit)");
    }

    /**
     * A copy of this database under {@code name_suffix}, replaced if it exists (CREATE DATABASE ...
     * TEMPLATE, which needs this one idle: called with no server running; the sessions of a server
     * that has just exited may take a moment to end).
     */
    Database copy(String suffix) throws SQLException, InterruptedException {
        var copy = new Database(name + "_" + suffix);
        try (Connection admin = DriverManager.getConnection(url("postgres"), user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + copy.name + " WITH (FORCE)");
            for (int attempt = 1; ; attempt++) {
                try {
                    sql.execute("CREATE DATABASE " + copy.name + " TEMPLATE " + name);
                    return copy;
                } catch (SQLException stillInUse) {
                    if (attempt == 50) {
                        throw stillInUse;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /**
     * {@code rows} entity audit rows, of which {@code ofOne} belong to one group,
     * {@code Group/bench-history}: its creation, then changes of its description and of its members
     * in turn, one a second, ending a minute ago; the others belong to 100,000 other groups. Like
     * {@link #fillAuditRows}, the id and {@code written_by} come from the columns' defaults.
     */
    void fillEntityRows(int rows, int ofOne) throws SQLException {
        int step = Math.max(1, rows / ofOne);
        execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, ip_address,"
                + " origin, occurred_at, request_id)"
                + " SELECT 'Group', CASE WHEN g % " + step + " = 0 THEN 'bench-history'"
                + " ELSE 'bulk-' || (g % 100000) END,"
                + " CASE WHEN g = " + step + " THEN 'CREATE' ELSE 'UPDATE' END,"
                + " CASE WHEN (g / " + step + ") % 2 = 0 THEN jsonb_build_object('description', jsonb_build_object('old',"
                + " 'd' || (g - 2), 'new', 'd' || g)) ELSE jsonb_build_object('members', jsonb_build_object("
                + " 'added', jsonb_build_array('user-' || (g % 97)), 'removed', jsonb_build_array('user-' || ((g + 1) % 97))))"
                + " END, 'admin-' || (g % 50), '10.0.0.1', 'HTTP_API',"
                + " now() - interval '1 minute' - make_interval(secs => " + rows + " - g), 'bulk-entity-' || g"
                + " FROM generate_series(1, " + rows + ") AS g");
        execute("ANALYZE");
    }

    void execute(String statement) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    long queryForLong(String query) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             var row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    String queryForString(String query) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             var row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
