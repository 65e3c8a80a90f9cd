package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.store.V5__Link_existing_audit_rows;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ProofChecker;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sealing;
import org.signalaudit.testing.Waiting;

/**
 * The sealer on servers of the test's own, on databases of the test's own: two sealers at once, a
 * transaction held open, tampering found by the continuous check, and rows of the hash-chained
 * schema carried into the tree by the upgrade. (Sealing under load and across a SIGKILL is part of
 * the reliability tests' invariants: every committed row sealed exactly once.)
 */
class SealerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void twoSealersWorkingOnOneDatabaseNeverForkTheTree() throws Exception {
        ScratchDatabase database = run.database("signal_audit_it_two_sealers");
        MicroProcess first = run.server(database, 0, List.of("-Daudit.seal.interval=50"));
        MicroProcess second = run.server(database, 0, List.of("-Daudit.seal.interval=50"));
        AuditDatabase db = AuditDatabase.at(database.url());
        JsonObject before = first.api().asSuperadmin().get("api/audit/checkpoint").send().json();

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            MicroProcess server = client % 2 == 0 ? first : second;
            work.add(clients.submit(() -> {
                // One user per client, locked and unlocked in turn: state, entity and request rows
                // on both servers. A few wrong passwords add login rows; each costs a full PBKDF2
                // verification (as does each new user), so they are few.
                String username = new Accounts(server.api()).active("USER").username();
                for (int i = 0; i < 15; i++) {
                    server.api().asSuperadmin().post("api/users/" + username + "/transitions")
                            .json(Api.json("event", i % 2 == 0 ? "LOCK" : "UNLOCK")).send();
                    if (i < 3) {
                        server.api().as(username, "wrong-password-" + i).get("api/users").send();
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        clients.shutdown();
        List<String> problems = new ArrayList<>();
        long sealed = Sealing.awaitAllSealed(db, problems);
        assertThat(problems).isEmpty();

        JsonObject after = second.api().asSuperadmin().get("api/audit/checkpoint").send().json();
        long from = before.getJsonNumber("treeSize").longValue();
        long to = after.getJsonNumber("treeSize").longValue();
        assertThat(to).isEqualTo(sealed);
        JsonObject proof = first.api().asSuperadmin().get("api/audit/proofs/consistency?from=" + from + "&to=" + to)
                .send().json();
        assertThat(ProofChecker.verifyConsistency(from, to, before.getString("rootHash"), after.getString("rootHash"),
                proof.getJsonArray("proof").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()))
                .isTrue();
        assertThat(db.queryForLong("SELECT count(*) FROM audit_checkpoint c WHERE NOT EXISTS (SELECT 1 FROM "
                + "audit_leaf l WHERE l.leaf_index = c.tree_size - 1)")).as("checkpoints past the tree").isZero();
        for (MicroProcess server : List.of(first, second)) {
            JsonObject report = server.api().asSuperadmin().get("api/audit/verify").send().json();
            assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
        }
        assertThat(first.metric("audit_checkpoints_total") + second.metric("audit_checkpoints_total"))
                .as("checkpoints signed by the two instances together")
                .isEqualTo(db.queryForLong("SELECT count(*) FROM audit_checkpoint"));
    }

    /**
     * A transaction held open holds sealing back until it ends; afterwards, on the same server and
     * database, a sealed row changed behind the application is found by the continuous check. The
     * two share one server because its start was most of the time each took alone (a server ready
     * in about 22 s of a test's 28 s and 32 s on two cores), and they can: the first ends with the
     * log intact and the server ready, which is where the second begins; the tampering comes last
     * because the log is broken after it. Each setting is harmless to the other part: the lag bound
     * only counts while a transaction is held open, and the continuous check finds nothing while
     * the log is intact (asserted before the tampering).
     */
    @Test
    void aTransactionHeldOpenHoldsSealingBackThenTamperingWithASealedRowIsFoundByTheContinuousCheckWhichAlertsOnce()
            throws Exception {
        ScratchDatabase database = run.database("signal_audit_it_held_open");
        MicroProcess server = run.server(database, 0,
                List.of("-Daudit.seal.lag-bound=3", "-Daudit.verify.interval=2"));
        AuditDatabase db = AuditDatabase.at(database.url());

        aTransactionHeldOpenHoldsSealingBackAndSealingCatchesUpWhenItEnds(database, server, db);
        tamperingWithASealedRowIsFoundByTheContinuousCheckWhichAlertsOnce(server, db);
    }

    private void aTransactionHeldOpenHoldsSealingBackAndSealingCatchesUpWhenItEnds(
            ScratchDatabase database, MicroProcess server, AuditDatabase db) throws Exception {
        awaitReady(server, true);

        try (Connection held = DriverManager.getConnection(database.url(), System.getProperty("audit.test.db.user"),
                System.getProperty("audit.test.db.password"))) {
            held.setAutoCommit(false);
            try (Statement statement = held.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()"); // takes a transaction id: the horizon stops here
            }
            String username = new Accounts(server.api()).invite("USER").username();
            long row = (Long) db.select("SELECT id FROM user_state_audit WHERE username = ?", username).get(0).get("id");

            Waiting.until(PATIENCE,
                    () -> server.metric("audit_seal_lag_seconds") > 3, "the seal lag to pass its bound");
            assertThat(db.select("SELECT 1 FROM audit_leaf WHERE table_code = 'state' AND row_id = ?", row))
                    .as("a row committed after the held transaction began is not sealed").isEmpty();
            assertThat(readiness(server).statusCode()).isEqualTo(503);
            assertThat(readiness(server).body()).contains("sealed-audit-log");

            held.commit();
            Sealing.awaitSealed(db, "state", row);
        }
        awaitReady(server, true);
        assertThat(server.api().asSuperadmin().get("api/audit/verify").send().json().getBoolean("intact")).isTrue();
    }

    private void tamperingWithASealedRowIsFoundByTheContinuousCheckWhichAlertsOnce(MicroProcess server,
                                                                                 AuditDatabase db) throws Exception {
        String username = new Accounts(server.api()).invite("USER").username();
        long row = (Long) db.select("SELECT id FROM user_state_audit WHERE username = ?", username).get(0).get("id");
        Sealing.awaitSealed(db, "state", row);
        awaitReady(server, true);
        // The held transaction above is no failure of the continuous check: the three below are
        // all the tampering's.
        assertThat(server.metric("audit_verification_failures_total")).as("failed scheduled verifies before").isZero();

        db.asSuperuser().execute("SET session_replication_role = replica; "
                + "UPDATE user_state_audit SET reason = 'rewritten' WHERE id = " + row);

        Waiting.until(PATIENCE,
                () -> server.metric("audit_verification_failures_total") >= 3, "three failed scheduled verifies");
        HttpResponse<String> readiness = readiness(server);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("EDITED");
        long severe = Files.readAllLines(server.log()).stream()
                .filter(line -> line.contains("AUDIT LOG VERIFICATION FAILED")).count();
        assertThat(severe).as("one SEVERE for one problem, however often it is found").isEqualTo(1);
    }

    @Test
    void rowsOfTheHashChainedSchemaAreCarriedIntoTheTreeInChainOrderAndVerify() throws Exception {
        ScratchDatabase database = run.database("signal_audit_it_upgrade");
        Flyway.configure().dataSource(database.url(), System.getProperty("audit.test.db.user"),
                        System.getProperty("audit.test.db.password"))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .javaMigrations(new V5__Link_existing_audit_rows()).target("8").load().migrate();
        // Three state rows whose chain order is not their id order, and a row of each other table,
        // as the chained schema held them.
        AuditDatabase owner = AuditDatabase.at(database.url());
        owner.execute("INSERT INTO user_account (id, username, email, role, state, version, created_at) VALUES "
                + "(nextval('user_account_seq'), 'carried', 'carried@example.com', 'USER', 'LOCKED', 2, now())");
        String hash = "'" + "ab".repeat(32) + "'";
        owner.execute("INSERT INTO user_state_audit (id, username, initiated_by, start_state, end_state, occurred_at, "
                + "origin, event, chain_seq, prev_hash, row_hash) VALUES "
                + "(30, 'carried', 'admin', NULL, 'INVITED', now(), 'SYSTEM', 'INVITE', 1, " + hash + ", " + hash + "), "
                + "(10, 'carried', 'admin', 'INVITED', 'ACTIVE', now(), 'SYSTEM', 'ACTIVATE', 2, " + hash + ", " + hash + "), "
                + "(20, 'carried', 'admin', 'ACTIVE', 'LOCKED', now(), 'SYSTEM', 'LOCK', 3, " + hash + ", " + hash + ")");
        owner.execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, origin, "
                + "occurred_at, chain_seq, prev_hash, row_hash) VALUES ('UserAccount', 'carried', 'CREATE', "
                + "'{\"state\": {\"old\": null, \"new\": \"INVITED\"}}', 'admin', 'SYSTEM', now(), 1, " + hash + ", " + hash + ")");
        owner.execute("INSERT INTO request_audit (id, request_id, occurred_at, duration_ms, method, path, status, summary, "
                + "origin, chain_seq, prev_hash, row_hash) VALUES (nextval('request_audit_seq'), 'carried-request', now(), 3, 'GET', '/audit/api/users', "
                + "200, 'GET /audit/api/users -> 200', 'HTTP_API', 1, " + hash + ", " + hash + ")");
        owner.execute("INSERT INTO login_audit (id, occurred_at, event, username, reason, chain_seq, prev_hash, row_hash) "
                + "VALUES (nextval('login_audit_seq'), now(), 'LOGIN_FAILED', 'carried', 'BAD_PASSWORD', 1, " + hash + ", " + hash + ")");

        MicroProcess server = run.server(database, 0);
        AuditDatabase db = AuditDatabase.at(database.url());

        assertThat(db.select("SELECT row_id FROM audit_leaf WHERE table_code = 'state' ORDER BY leaf_index LIMIT 3"))
                .extracting(leaf -> leaf.get("row_id")).containsExactly(30L, 10L, 20L);
        List<String> problems = new ArrayList<>();
        Sealing.awaitAllSealed(db, problems);
        assertThat(problems).isEmpty();
        Api superadmin = server.api().asSuperadmin();
        JsonObject report = superadmin.get("api/audit/verify").send().json();
        assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
        long loginRow = db.queryForLong("SELECT id FROM login_audit WHERE username = 'carried'");
        JsonObject proof = superadmin.get("api/audit/proofs/inclusion?table=login&id=" + loginRow).send().json();
        assertThat(ProofChecker.verifyInclusion(proof.getJsonNumber("leafIndex").longValue(),
                proof.getJsonNumber("treeSize").longValue(), proof.getString("leafHash"),
                proof.getJsonArray("auditPath").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                proof.getString("rootHash"))).isTrue();
        JsonObject replay = superadmin.get("api/audit/replay-check").send().json();
        assertThat(replay.getJsonArray("mismatches").toString()).doesNotContain("carried");
    }

    private static HttpResponse<String> readiness(MicroProcess server) throws IOException, InterruptedException {
        URI uri = server.base().resolve("/health/ready");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(MicroProcess server, boolean up) {
        Waiting.until(PATIENCE, () -> {
            try {
                return (readiness(server).statusCode() == 200) == up;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, "readiness " + (up ? "UP" : "DOWN"));
    }
}
