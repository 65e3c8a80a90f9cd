package org.signalaudit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.LoadInvariants;
import org.signalaudit.testing.LoadLog;
import org.signalaudit.testing.LoadMix;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.PrivateCluster;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sealing;
import org.signalaudit.testing.Sent;
import org.signalaudit.testing.Verdict;
import org.signalaudit.testing.Waiting;

/**
 * PostgreSQL is stopped in the middle of the load (a cluster of the test's own: the machine's
 * server is shared) and started again a few seconds later. While it is down every request fails
 * fast with a 503 problem+json and {@code Retry-After}, never a 500, a 401 or a hang, and the
 * admin screens show a page that says so (an ajax request is sent to it); afterwards the same server works again, and the
 * invariants of {@link LoadIT} hold, with no exception for the outage: every answered request,
 * the 503s included, has its one trail row, kept in the outage spool while the database was down
 * and written (and sealed) when it came back.
 *
 * <p>Then a second outage, during which the server is killed (SIGKILL) with rows in its spool:
 * a new server, started on the same spool with the database back, writes each of them exactly
 * once, in the order they were kept, the sign-out's login row among them; also when every record
 * is in the spool twice (as after a replay killed before it emptied the spool) and a torn record
 * ends it (as after a kill in the middle of a write).
 */
class DatabaseOutageIT {

    private static final Duration BEFORE = Duration.ofSeconds(10);
    private static final Duration DOWN = Duration.ofSeconds(6);
    private static final Duration AFTER = Duration.ofSeconds(14);
    /** Generous on purpose (the clients wait up to 30 s): this asserts "no hang", not a speed. */
    private static final Duration FAST = Duration.ofSeconds(5);
    /** After the start, the pool reconnects on the next request; a moment's grace for those under way. */
    private static final Duration RECOVERY = Duration.ofSeconds(2);
    private static final String TRAIL_FAILURES = "audit_trail_failures_total";
    private static final String SPOOLED = "audit_spool_appended_total";
    private static final String SPOOL_WAITING = "audit_spool_records";
    private static final String REPLAYED = "audit_spool_replayed_total";
    /** Requests sent during the second outage, before the kill. */
    private static final int KEPT_BEFORE_KILL = 20;
    /** A record's 8-byte header and 10 bytes of its payload: what a kill in the middle of a write leaves. */
    private static final int TORN_BYTES = 18;
    /** How long the replay and the sealer may take once the database is back: far more than they need. */
    private static final Duration REPLAYED_WITHIN = Duration.ofSeconds(60);
    /** MicroProfile Fault Tolerance's count of the database-outage breaker's calls (base scope), by result. */
    private static final String BREAKER_CALLS = "ft_circuitbreaker_calls_total";
    private static final String BREAKER = ",method=\"org.signalaudit.availability.StoreAvailability.reach\"";
    /** Sign-ins that tried the database and found it unreachable. */
    private static final String TRIED = "circuitBreakerResult=\"failure\"" + BREAKER;
    /** Requests the open breaker turned away without trying (Prometheus orders the tags by name). */
    private static final String TURNED_AWAY = "circuitBreakerResult=\"circuitBreakerOpen\"" + BREAKER;
    /** Where the screens send an ajax request that cannot be served: a page cannot answer one. */
    private static final String PAGE = "/errors/unavailable.html";

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void whileTheDatabaseIsDownRequestsFailFastWith503AndAfterwardsTheApplicationRecovers() {
        PrivateCluster cluster = run.cluster();
        ScratchDatabase database = run.database(cluster, "signal_audit_rel_outage");
        MicroProcess server = run.server(database, 0);
        AuditDatabase db = AuditDatabase.at(database.url());
        LoadMix mix = LoadMix.prepare(server.api(), db);
        var screens = new AdminSession(server.api());
        assertThat(screens.signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD, Api.newRequestId()).status()).isEqualTo(302);
        Map<String, String> integrityPanel = screens.formOf("admin/", "integrityForm");

        double trailFailuresBefore = server.metric(TRAIL_FAILURES);
        double spooledBefore = server.metric(SPOOLED);
        double triedBefore = server.metric("base", BREAKER_CALLS, TRIED);
        double turnedAwayBefore = server.metric("base", BREAKER_CALLS, TURNED_AWAY);
        LoadMix.Running load = mix.start();
        sleep(BEFORE);
        long stopping = System.nanoTime();
        cluster.stop();
        long down = System.nanoTime();
        Api.Response dashboard = screens.get("admin/", Api.newRequestId());
        Api.Response verifyClicked = screens.ajax(integrityPanel, "integrityForm:verify", Api.newRequestId());
        Api.Response signIn = new AdminSession(server.api()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD,
                Api.newRequestId());
        sleep(DOWN.minusNanos(System.nanoTime() - down));
        long starting = System.nanoTime();
        cluster.start();
        long up = System.nanoTime();
        sleep(AFTER);
        LoadLog log = load.stop();

        long recovered = up + RECOVERY.toNanos();
        double lostTrailRows = server.metric(TRAIL_FAILURES) - trailFailuresBefore;
        double spooledRows = server.metric(SPOOLED) - spooledBefore;
        double tried = server.metric("base", BREAKER_CALLS, TRIED) - triedBefore;
        double turnedAway = server.metric("base", BREAKER_CALLS, TURNED_AWAY) - turnedAwayBefore;
        List<Sent> whileDown = log.matching(sent -> sent.answered() && sent.within(down, starting));
        List<Sent> unavailable = log.matching(sent -> sent.answered() && sent.status() == 503);
        Verdict verdict = new LoadInvariants(db, server.api().asSuperadmin(), mix)
                .databaseUnavailableBetween(stopping, recovered)
                .check(log);
        run.report(verdict.summary("DatabaseOutageIT", log, BEFORE.plus(DOWN).plus(AFTER), List.of(
                "PostgreSQL stopped (pg_ctl stop -m fast) for " + Duration.ofNanos(starting - down).toMillis()
                        + " ms; " + whileDown.size() + " requests answered while it was down, " + unavailable.size()
                        + " answered 503 in all; latency of the 503s: " + log.latencies(sent -> sent.status() == 503)
                        + " (client timeout " + LoadMix.CLIENT_TIMEOUT.toSeconds() + " s)",
                "rows kept in the outage spool (audit_spool_appended_total): " + (long) spooledRows
                        + ", written when the database was back (audit_spool_replayed_total): "
                        + (long) server.metric(REPLAYED) + "; request rows lost (audit_trail_failures_total): "
                        + (long) lostTrailRows,
                "the breaker (MicroProfile Fault Tolerance): " + (long) tried + " sign-ins tried the database and "
                        + "found it unreachable, " + (long) turnedAway + " were turned away without trying",
                "admin screens while down: dashboard " + dashboard.status() + ", sign-in " + signIn.status()
                        + ", the dashboard's verify button (ajax) sent to " + PAGE,
                log.matching(sent -> sent.succeeded() && sent.startedNanos() > recovered).size()
                        + " changes and reads succeeded after the restart, same server pid " + server.pid())));

        assertThat(whileDown).as("requests answered while the database was down").isNotEmpty()
                .allSatisfy(sent -> assertThat(sent.status()).as(sent.describe()).isEqualTo(503));
        assertThat(unavailable).allSatisfy(sent -> {
            assertThat(sent.contentType()).as(sent.describe()).startsWith("application/problem+json");
            assertThat(sent.retryAfter()).as("Retry-After of " + sent.describe()).isNotBlank();
            assertThat(sent.latency()).as("latency of " + sent.describe()).isLessThan(FAST);
        });
        assertThat(log.matching(sent -> !sent.answered())).as("requests without an answer").isEmpty();
        assertThat(turnedAway).as("requests the open breaker turned away without trying the database, against %s "
                + "that tried", (long) tried).isGreaterThan(tried);
        assertThat(lostTrailRows).as("trail rows counted as lost").isZero();
        assertThat(spooledRows).as("rows kept in the outage spool").isGreaterThanOrEqualTo(unavailable.size());
        assertThat(server.metric(SPOOL_WAITING)).as("rows still waiting in the spool").isZero();
        assertUnavailablePage(dashboard);
        assertUnavailablePage(signIn);
        assertThat(verifyClicked.body()).as("%s", verifyClicked).contains("<redirect url=\"/audit" + PAGE + "\"");
        assertThat(server.alive()).as("the same server, never restarted").isTrue();
        assertThat(log.matching(sent -> sent.succeeded() && sent.startedNanos() > recovered))
                .as("requests that succeeded after the database came back").isNotEmpty();
        assertThat(log.matching(sent -> sent.answered() && sent.status() == 503 && sent.startedNanos() > recovered))
                .as("503s after the database came back").isEmpty();
        verdict.assertHolds();

        killedDuringAnOutage(cluster, database, server, screens, db);
    }

    /**
     * The second outage: the requests of a client (a 503 each) and a sign-out are kept in the
     * spool; the server is killed before the database is back; a new one, on the same spool, writes
     * them once it is.
     */
    private void killedDuringAnOutage(PrivateCluster cluster, ScratchDatabase database, MicroProcess server,
                                      AdminSession screens, AuditDatabase db) {
        Map<String, String> signOutForm = screens.formOf("admin/", "signout");
        Api superadmin = server.api().asSuperadmin();
        cluster.stop();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < KEPT_BEFORE_KILL; i++) {
            String requestId = Api.newRequestId();
            assertThat(superadmin.get("api/users").requestId(requestId).send().status()).isEqualTo(503);
            kept.add(requestId);
        }
        String signOut = Api.newRequestId();
        signOutForm.put("signout:go", "");
        Api.Response signedOut = screens.post(signOutForm.remove(""), signOutForm, signOut);
        int keptRows = KEPT_BEFORE_KILL + 2; // and the sign-out's request row and login row
        Waiting.until(REPLAYED_WITHIN,
                () -> server.metric(SPOOL_WAITING) >= keptRows, "the spool to hold " + keptRows + " rows");
        server.kill();
        Path spoolFile = MicroProcess.spoolOf(run.directory()).resolve("audit-spool.bin");
        byte[] records = read(spoolFile);
        // As if a replay had written every row and been killed before it emptied the spool: each
        // record twice. And a record torn by the kill: 18 bytes of a whole one.
        append(spoolFile, records);
        append(spoolFile, Arrays.copyOf(records, TORN_BYTES));
        cluster.start();
        MicroProcess second = run.server(database, 0);
        Waiting.until(REPLAYED_WITHIN, () -> second.metric(REPLAYED) >= keptRows && second.metric(SPOOL_WAITING) == 0,
                "the new server to write the " + keptRows + " kept rows and empty its spool");
        List<String> problems = new ArrayList<>();
        Sealing.awaitAllSealed(db, problems);
        Api.Response verify = second.api().asSuperadmin().get("api/audit/verify").send();

        List<String> written = db.select("SELECT request_id FROM request_audit WHERE request_id = ANY (?) ORDER BY id",
                        (Object) kept.toArray(String[]::new)).stream().map(row -> (String) row.get("request_id"))
                .toList();
        run.report("DatabaseOutageIT, killed during an outage: " + keptRows + " rows kept, server pid " + server.pid()
                + " killed; its spool given every record twice and a torn one (" + TORN_BYTES + " bytes); pid "
                + second.pid() + " wrote " + (long) second.metric(REPLAYED) + " rows; sign-out answered "
                + signedOut.status());
        assertThat(problems).as("sealing").isEmpty();
        assertThat(written).as("the kept request rows, each once, in the order they were kept")
                .containsExactlyElementsOf(kept);
        assertThat(db.select("SELECT status FROM request_audit WHERE request_id = ANY (?)",
                (Object) kept.toArray(String[]::new))).allSatisfy(row ->
                assertThat(((Number) row.get("status")).intValue()).isEqualTo(503));
        assertThat(db.select("SELECT status FROM request_audit WHERE request_id = ?", signOut))
                .as("the sign-out's request row").hasSize(1);
        assertThat(db.select("SELECT event, username FROM login_audit WHERE request_id = ?", signOut))
                .as("the sign-out's login row").containsExactly(Map.of("event", "LOGGED_OUT", "username", Api.SUPERADMIN));
        assertThat(second.metric(REPLAYED)).as("rows the new server wrote").isEqualTo(keptRows);
        assertThat(second.output()).as("the new server's log").contains(
                keptRows * 2 + " rows waiting", "torn or damaged record",
                "were there already");
        assertThat(second.metric(SPOOL_WAITING)).as("rows still waiting in the spool").isZero();
        assertThat(second.metric(TRAIL_FAILURES)).isZero();
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().getBoolean("intact")).as("%s", verify).isTrue();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void assertUnavailablePage(Api.Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Retry-After")).isPresent();
        assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception").doesNotContain("at org.");
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
