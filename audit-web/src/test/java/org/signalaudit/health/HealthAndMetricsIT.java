package org.signalaudit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.PrivateCluster;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;

/**
 * MicroProfile Health and Metrics as Payara serves them, on a PostgreSQL of the test's own that
 * is stopped and started again: readiness (database, migrations) is UP, turns DOWN while the
 * database is down and UP after, while liveness stays UP; and each of the application's metrics
 * moves when its event happens: audit rows per table, refused sign-ins, lockouts, login rows that
 * could not be written, the outage breaker (ours, and MicroProfile Fault Tolerance's own: opened
 * once by the first request that found the database down, then turning requests away), request
 * rows kept in the outage spool while the database is down and written when it is back, and
 * request rows lost once the spool is full (the server runs with the smallest spool allowed, and
 * the requests that find it full are answered all the same).
 */
class HealthAndMetricsIT {

    private static final Duration WITHIN = Duration.ofMinutes(1);
    private static final String ROWS = "audit_rows_written_total";
    private static final int MAX_FAILURES = 2;
    /** The smallest bound allowed: a few hundred requests of the outage fill it. */
    private static final int SPOOL_BYTES = 64 * 1024;
    private static final int AT_MOST_TO_FILL = 1000;
    /** MicroProfile Fault Tolerance's metrics of the database-outage breaker (base scope). */
    private static final String BREAKER_OPENED = "ft_circuitbreaker_opened_total";
    private static final String BREAKER_CALLS = "ft_circuitbreaker_calls_total";
    private static final String BREAKER = "method=\"org.signalaudit.availability.StoreAvailability.reach\"";
    /** Prometheus orders the tags by name. */
    private static final String TURNED_AWAY = "circuitBreakerResult=\"circuitBreakerOpen\"," + BREAKER;

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void readinessFollowsTheDatabaseAndEveryMetricMovesWithItsEvent() {
        PrivateCluster cluster = run.cluster();
        ScratchDatabase database = run.database(cluster, "signal_audit_health");
        MicroProcess server = run.server(database, 0, List.of("-Daudit.lockout.max-failures=" + MAX_FAILURES,
                "-Daudit.spool.max-bytes=" + SPOOL_BYTES));
        AuditDatabase db = AuditDatabase.at(database.url());
        Api superadmin = server.api().asSuperadmin();

        JsonObject ready = health(server, "ready");
        assertThat(ready.getString("status")).as("%s", ready).isEqualTo("UP");
        assertThat(checkNames(ready)).contains("database", "migrations", "outage-spool");
        assertThat(checkNames(health(server, "live"))).contains("application");

        double stateRows = server.metric(ROWS, "table=\"user_state_audit\"");
        double entityRows = server.metric(ROWS, "table=\"entity_audit\"");
        double requestRows = server.metric(ROWS, "table=\"request_audit\"");
        double loginRows = server.metric(ROWS, "table=\"login_audit\"");
        var accounts = new Accounts(superadmin);
        Accounts.Active alice = accounts.active("USER");
        assertThat(server.metric(ROWS, "table=\"user_state_audit\"")).as("state rows: INVITE, ACTIVATE")
                .isEqualTo(stateRows + 2);
        assertThat(eventually(() -> server.metric(ROWS, "table=\"entity_audit\""), count -> count >= entityRows + 2))
                .as("entity rows (counted after commit, asynchronously)").isGreaterThanOrEqualTo(entityRows + 2);
        assertThat(server.metric(ROWS, "table=\"request_audit\"")).as("request rows").isGreaterThanOrEqualTo(requestRows + 2);

        double refused = server.metric("audit_sign_in_failures_total", "reason=\"BAD_PASSWORD\"");
        double lockouts = server.metric("audit_lockouts_total");
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertThat(server.api().as(alice.username(), "wrong-password").get("api/users/" + alice.username())
                    .send().status()).isEqualTo(401);
        }
        assertThat(server.metric("audit_sign_in_failures_total", "reason=\"BAD_PASSWORD\"")).isEqualTo(refused + MAX_FAILURES);
        assertThat(server.metric(ROWS, "table=\"login_audit\"")).isEqualTo(loginRows + MAX_FAILURES);
        assertThat(server.metric("audit_lockouts_total")).as("the lockout policy locked alice").isEqualTo(lockouts + 1);

        double lostLogins = server.metric("audit_login_failures_total");
        try (var refuse = db.createTrigger("login_audit",
                "CREATE TRIGGER {trigger} BEFORE INSERT ON login_audit FOR EACH ROW EXECUTE FUNCTION {function}()",
                "RAISE EXCEPTION 'HealthAndMetricsIT refuses the login row';")) {
            server.api().as("nobody-" + Api.newRequestId(), "wrong-password").get("api/users/nobody").send();
        }
        assertThat(server.metric("audit_login_failures_total")).as("login rows not written").isEqualTo(lostLogins + 1);

        double lostRequests = server.metric("audit_trail_failures_total");
        double spooled = server.metric("audit_spool_appended_total");
        double replayed = server.metric("audit_spool_replayed_total");
        assertThat(server.metric("audit_store_breaker_open")).isZero();
        double opened = server.metric("base", BREAKER_OPENED, BREAKER);
        double turnedAway = server.metric("base", BREAKER_CALLS, TURNED_AWAY);
        cluster.stop();
        assertThat(superadmin.get("api/users/" + Api.SUPERADMIN).send().status()).isEqualTo(503);
        assertThat(server.metric("audit_store_breaker_open")).as("breaker open while the database is down").isEqualTo(1);
        assertThat(server.metric("base", BREAKER_OPENED, BREAKER)).as("MicroProfile Fault Tolerance's breaker opened, once")
                .isEqualTo(opened + 1);
        assertThat(eventually(() -> server.metric("audit_spool_records"), count -> count >= 1))
                .as("request rows kept in the spool").isGreaterThanOrEqualTo(1);
        assertThat(server.metric("audit_spool_appended_total")).isGreaterThan(spooled);
        assertThat(server.metric("audit_trail_failures_total")).as("request rows lost while the spool has room")
                .isEqualTo(lostRequests);
        int sent = 0;
        while (server.metric("audit_spool_dropped_total") == 0 && sent < AT_MOST_TO_FILL) {
            for (int i = 0; i < 20; i++, sent++) {
                assertThat(superadmin.get("api/users/" + Api.SUPERADMIN).send().status()).isEqualTo(503);
            }
        }
        assertThat(server.metric("audit_spool_dropped_total")).as("rows the full spool dropped, after %d requests", sent)
                .isPositive();
        assertThat(server.metric("base", BREAKER_CALLS, TURNED_AWAY))
                .as("requests the open breaker turned away without trying the database").isGreaterThan(turnedAway);
        assertThat(server.metric("audit_trail_failures_total")).as("request rows lost: the spool was full")
                .isGreaterThan(lostRequests);
        assertThat(server.output()).contains("is full (" + SPOOL_BYTES + " bytes, audit.spool.max-bytes)");
        JsonObject down = eventually(() -> health(server, "ready"), health -> "DOWN".equals(health.getString("status")));
        assertThat(down.getString("status")).as("readiness while the database is down: %s", down).isEqualTo("DOWN");
        assertThat(health(server, "live").getString("status")).as("liveness while the database is down").isEqualTo("UP");
        double kept = server.metric("audit_spool_records");
        JsonObject spool = check(health(server, "ready"), "outage-spool");
        assertThat(spool.getString("status")).as("the spool is detail, not a reason to be DOWN: %s", spool)
                .isEqualTo("UP");
        // Payara renders a check's data as strings, numbers included.
        assertThat(spool.getJsonObject("data").get("waitingRows").toString().replace("\"", ""))
                .isEqualTo(Long.toString((long) kept));

        cluster.start();
        JsonObject up = eventually(() -> health(server, "ready"), health -> "UP".equals(health.getString("status")));
        assertThat(up.getString("status")).as("readiness after the database came back: %s", up).isEqualTo("UP");
        eventually(() -> superadmin.get("api/users/" + Api.SUPERADMIN).send().status(), status -> status == 200);
        assertThat(server.metric("audit_store_breaker_open")).as("breaker closed again").isZero();
        assertThat(eventually(() -> server.metric("audit_spool_records"), count -> count == 0))
                .as("rows still in the spool").isZero();
        assertThat(server.metric("audit_spool_replayed_total")).as("spooled rows written").isGreaterThanOrEqualTo(replayed + kept);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private static List<String> checkNames(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getString("name")).toList();
    }

    /** {@code /health/ready} or {@code /health/live}: 200 when UP, 503 when DOWN, the body either way. */
    private static JsonObject health(MicroProcess server, String kind) {
        URI uri = server.base().resolve("/health/" + kind);
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            assertThat(response.statusCode()).as("%s: %s", uri, body)
                    .isEqualTo("UP".equals(body.getString("status")) ? 200 : 503);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value once it satisfies {@code done}, or the last one after {@link #WITHIN}. */
    private static <T> T eventually(java.util.function.Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        return last;
    }
}
