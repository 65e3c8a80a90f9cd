package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL alone, doing the SQL an audited transition through the API does, with nothing in
 * front of it: the physical limit the HTTP figures are measured against. Each pgbench client moves
 * its own user, like each HTTP client. It runs on a copy of the benchmark's database
 * ({@link Database#copy}), so that its rows never reach the sealed log the later figures measure.
 */
final class Pgbench {

    /** What every transition does before its audit: the two reads and the update, its transaction open. */
    private static final String TRANSITION = """
            \\set uid :client_id + 1
            SELECT id, username, role, state, version, password_hash, failed_logins FROM user_account WHERE username = 'superadmin';
            BEGIN;
            SELECT id, username, role, state, version FROM user_account WHERE username = 'pgbench-' || :uid;
            UPDATE user_account SET state = CASE state WHEN 'ACTIVE' THEN 'LOCKED' ELSE 'ACTIVE' END, version = version + 1 WHERE username = 'pgbench-' || :uid;
            """;

    /**
     * One audited transition, statement for statement as the application issues it, with no chain
     * and no seal statement (the sealed log's writers take no shared lock; the sealer works apart
     * from them): the identity store's read of the caller, the boundary's read of the user; then,
     * in one transaction, the optimistic-locked update (the flush) and the state and entity audit
     * inserts with the columns {@code AuditWriter} lists (the id and {@code written_by} come from
     * the columns' defaults); then the request trail in a transaction of its own.
     */
    static final String SCRIPT = TRANSITION + """
            INSERT INTO user_state_audit (username, initiated_by, start_state, end_state, occurred_at, ip_address, origin, event, reason, request_id) VALUES ('pgbench-' || :uid, 'superadmin', 'ACTIVE', 'LOCKED', now(), '127.0.0.1', 'HTTP_API', 'LOCK', 'benchmark', md5(random()::text));
            INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, ip_address, origin, occurred_at, request_id) VALUES ('UserAccount', 'pgbench-' || :uid, 'UPDATE', CAST('{"state":{"old":"ACTIVE","new":"LOCKED"}}' AS jsonb), 'superadmin', '127.0.0.1', 'HTTP_API', now(), md5(random()::text));
            COMMIT;
            BEGIN;
            INSERT INTO request_audit (request_id, occurred_at, duration_ms, method, path, route, status, actor, client_ip, peer_ip, user_agent, resource, model, category, summary, error_class, error_detail, origin) VALUES (md5(random()::text), now(), 1, 'POST', '/audit/api/users/pgbench/transitions', '/api/users/{username}/transitions', 200, 'superadmin', '127.0.0.1', '127.0.0.1', 'pgbench', 'UsersResource.transition', 'UserAccount', 'WRITE', 'POST /audit/api/users/pgbench/transitions -> 200', NULL, NULL, 'HTTP_API');
            COMMIT;
            """;

    /**
     * The same transition with the receivers switched off, as the benchmark's second server runs
     * it: the identity store's read of the caller, the boundary's read of the user, the update and
     * its commit; no audit row, no trail.
     */
    static final String UNAUDITED = TRANSITION + "COMMIT;\n";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Database db;

    Pgbench(Database db, int users) throws SQLException {
        this.db = db;
        db.execute("INSERT INTO user_account (id, username, email, role, state, version, failed_logins, created_at)"
                + " SELECT nextval('user_account_seq'), 'pgbench-' || g, 'pgbench@bench.invalid', 'USER', 'ACTIVE', 1, 0,"
                + " now() FROM generate_series(1, " + users + ") AS g");
    }

    double run(int clients, Duration duration) throws IOException, InterruptedException {
        String output = pgbench(SCRIPT, clients, duration);
        var tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /**
     * One client's latencies of the transition's SQL, audited ({@link #SCRIPT}) or not
     * ({@link #UNAUDITED}): what the audit's statements and its second commit cost the database
     * alone, the floor under the HTTP on/off ratio.
     */
    Latencies latencies(boolean audited, Duration duration) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("bench-pgbench-log-");
        pgbench(audited ? SCRIPT : UNAUDITED, 1, duration, "-l", "--log-prefix=" + logs.resolve("tx"));
        List<Long> nanos = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                // Per transaction: client, transaction number, latency in microseconds, ...
                for (String line : Files.readAllLines(log)) {
                    nanos.add(Long.parseLong(line.split(" ")[2]) * 1_000);
                }
            }
        }
        return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private String pgbench(String script, int clients, Duration duration, String... options)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("bench-transition-", ".sql");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", db.host, "-p", Integer.toString(db.port),
                "-U", db.user, "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Long.toString(duration.toSeconds()), "-f", file.toString()));
        command.addAll(List.of(options));
        command.add(db.name);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!db.password.isEmpty()) {
            builder.environment().put("PGPASSWORD", db.password);
        }
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes());
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return output;
    }
}
