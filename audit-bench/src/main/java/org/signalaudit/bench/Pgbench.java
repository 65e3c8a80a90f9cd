package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * PostgreSQL alone, doing the SQL an audited transition through the API does, with nothing in
 * front of it: the physical limit the HTTP figures are measured against. Each pgbench client moves
 * its own user, like each HTTP client.
 */
final class Pgbench {

    /**
     * One audited transition, statement for statement as the application issues it: the identity
     * store's read of the caller, the boundary's read of the user, the optimistic-locked update, the
     * state audit insert and the entity audit insert in one transaction, then the request trail's insert in a transaction of its
     * own. (The application takes audit ids from a preallocated block; here each insert calls
     * nextval, a little more work for pgbench, not less.)
     */
    static final String SCRIPT = """
            \\set uid :client_id + 1
            SELECT id, username, role, state, version, password_hash, failed_logins FROM user_account WHERE username = 'superadmin';
            BEGIN;
            SELECT id, username, role, state, version FROM user_account WHERE username = 'pgbench-' || :uid;
            UPDATE user_account SET state = CASE state WHEN 'ACTIVE' THEN 'LOCKED' ELSE 'ACTIVE' END, version = version + 1 WHERE username = 'pgbench-' || :uid;
            INSERT INTO user_state_audit (id, username, initiated_by, start_state, end_state, occurred_at, ip_address, origin, event, reason, request_id) VALUES (nextval('user_state_audit_seq'), 'pgbench-' || :uid, 'superadmin', 'ACTIVE', 'LOCKED', now(), '127.0.0.1', 'HTTP_API', 'LOCK', 'benchmark', md5(random()::text));
            INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, ip_address, origin, occurred_at, request_id) VALUES ('UserAccount', 'pgbench-' || :uid, 'UPDATE', CAST('{"state":{"old":"ACTIVE","new":"LOCKED"}}' AS jsonb), 'superadmin', '127.0.0.1', 'HTTP_API', now(), md5(random()::text));
            COMMIT;
            INSERT INTO request_audit (id, request_id, occurred_at, duration_ms, method, path, route, status, actor, client_ip, peer_ip, user_agent, resource, model, category, summary, origin) VALUES (nextval('request_audit_seq'), md5(random()::text), now(), 1, 'POST', '/audit/api/users/pgbench/transitions', '/api/users/{username}/transitions', 200, 'superadmin', '127.0.0.1', '127.0.0.1', 'pgbench', 'UsersResource.transition', 'UserAccount', 'WRITE', 'POST /audit/api/users/pgbench/transitions -> 200', 'HTTP_API');
            """;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Database db;

    Pgbench(Database db, int users) throws SQLException {
        this.db = db;
        db.execute("INSERT INTO user_account (id, username, email, role, state, version, failed_logins, created_at)"
                + " SELECT nextval('user_account_seq'), 'pgbench-' || g, 'pgbench@bench.invalid', 'USER', 'ACTIVE', 1, 0,"
                + " now() FROM generate_series(1, " + users + ") AS g");
    }

    double run(int clients, Duration duration) throws IOException, InterruptedException {
        Path script = Files.createTempFile("bench-transition-", ".sql");
        Files.writeString(script, SCRIPT);
        var command = new ProcessBuilder("pgbench", "-n", "-h", db.host, "-p", Integer.toString(db.port), "-U", db.user,
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Long.toString(duration.toSeconds()), "-f", script.toString(), db.name)
                .redirectErrorStream(true);
        if (!db.password.isEmpty()) {
            command.environment().put("PGPASSWORD", db.password);
        }
        Process pgbench = command.start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        var tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }
}
