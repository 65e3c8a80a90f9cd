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
     * take hours at the API's pace): 10,000 users, 50 initiators, one row a second backwards. The
     * rows take the next positions of the state chain and move its head, as the application's
     * writer does, but their hashes are stand-ins (computing the real digest in SQL would mean a
     * second implementation of it): the verify of a benchmark database reports them as edited.
     */
    void fillAuditRows(int rows) throws SQLException {
        execute("BEGIN;"
                + " SELECT last_seq FROM audit_chain WHERE chain_name = 'user_state_audit' FOR UPDATE;"
                + " INSERT INTO user_state_audit (id, username, initiated_by, start_state, end_state, occurred_at,"
                + " ip_address, origin, event, reason, request_id, chain_seq, prev_hash, row_hash)"
                + " SELECT nextval('user_state_audit_seq'), 'bulk-' || (g % 10000), 'admin-' || (g % 50),"
                + " 'ACTIVE', 'LOCKED', now() - make_interval(secs => g), '10.0.0.1', 'HTTP_API', 'LOCK', NULL,"
                + " 'bulk-request-' || g, head.last_seq + g, repeat('0', 64), md5(g::text) || md5(g::text)"
                + " FROM generate_series(1, " + rows + ") AS g,"
                + " (SELECT last_seq FROM audit_chain WHERE chain_name = 'user_state_audit') AS head;"
                + " UPDATE audit_chain SET last_seq = last_seq + " + rows + ", last_hash = (SELECT row_hash"
                + " FROM user_state_audit ORDER BY chain_seq DESC LIMIT 1) WHERE chain_name = 'user_state_audit';"
                + " COMMIT");
        execute("ANALYZE");
    }

    /**
     * {@code rows} entity audit rows, of which {@code ofOne} belong to one group,
     * {@code Group/bench-history}: its creation, then changes of its description and of its members
     * in turn, one a second, ending a minute ago; the others belong to 100,000 other groups. Same
     * chain stand-ins as {@link #fillAuditRows}.
     */
    void fillEntityRows(int rows, int ofOne) throws SQLException {
        int step = Math.max(1, rows / ofOne);
        execute("BEGIN;"
                + " SELECT last_seq FROM audit_chain WHERE chain_name = 'entity_audit' FOR UPDATE;"
                + " INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, ip_address,"
                + " origin, occurred_at, request_id, chain_seq, prev_hash, row_hash)"
                + " SELECT 'Group', CASE WHEN g % " + step + " = 0 THEN 'bench-history'"
                + " ELSE 'bulk-' || (g % 100000) END,"
                + " CASE WHEN g = " + step + " THEN 'CREATE' ELSE 'UPDATE' END,"
                + " CASE WHEN (g / " + step + ") % 2 = 0 THEN jsonb_build_object('description', jsonb_build_object('old',"
                + " 'd' || (g - 2), 'new', 'd' || g)) ELSE jsonb_build_object('members', jsonb_build_object("
                + " 'added', jsonb_build_array('user-' || (g % 97)), 'removed', jsonb_build_array('user-' || ((g + 1) % 97))))"
                + " END, 'admin-' || (g % 50), '10.0.0.1', 'HTTP_API',"
                + " now() - interval '1 minute' - make_interval(secs => " + rows + " - g), 'bulk-entity-' || g,"
                + " head.last_seq + g, repeat('0', 64), md5(g::text) || md5(g::text)"
                + " FROM generate_series(1, " + rows + ") AS g,"
                + " (SELECT last_seq FROM audit_chain WHERE chain_name = 'entity_audit') AS head;"
                + " UPDATE audit_chain SET last_seq = last_seq + " + rows + ", last_hash = (SELECT row_hash"
                + " FROM entity_audit ORDER BY chain_seq DESC LIMIT 1) WHERE chain_name = 'entity_audit';"
                + " COMMIT");
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
