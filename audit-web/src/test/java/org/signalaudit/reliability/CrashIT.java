package org.signalaudit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.LoadInvariants;
import org.signalaudit.testing.LoadLog;
import org.signalaudit.testing.LoadMix;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sent;
import org.signalaudit.testing.Verdict;

/**
 * The server is killed (SIGKILL) in the middle of the load and started again on the same
 * database and port. The requests it was serving get no answer: each of them committed with all
 * its rows or not at all; everything answered before the kill and after the restart holds as in
 * {@link LoadIT}.
 */
class CrashIT {

    private static final Duration BEFORE = Duration.ofSeconds(10);
    private static final Duration AFTER = Duration.ofSeconds(10);
    /**
     * The trail row is written as the request ends, before the answer leaves; a moment's margin
     * before the kill for the answers under way.
     */
    private static final Duration TRAIL_AT_RISK = Duration.ofSeconds(1);

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void aKilledServerLeavesEveryChangeWholeOrAbsent() {
        ScratchDatabase database = run.database("signal_audit_rel_crash");
        MicroProcess first = run.server(database, 0);
        AuditDatabase db = AuditDatabase.at(database.url());
        LoadMix mix = LoadMix.prepare(first.api(), db);

        LoadMix.Running load = mix.start();
        sleep(BEFORE);
        long killed = System.nanoTime();
        first.kill();
        // The clients stop while the server is away (as behind a load balancer): a starting
        // Payara Micro answers 404 until the application is deployed.
        load.pause();
        MicroProcess second = run.server(database, first.port());
        long restarted = System.nanoTime();
        mix.warmUp();
        load.resume();
        sleep(AFTER);
        LoadLog log = load.stop();

        Verdict verdict = new LoadInvariants(db, second.api().asSuperadmin(), mix)
                .trailMayMissBetween(killed - TRAIL_AT_RISK.toNanos(), restarted)
                .check(log);
        List<Sent> cutOff = log.matching(Sent::inDoubt);
        run.report(verdict.summary("CrashIT", log, BEFORE.plus(AFTER), List.of(
                "server pid " + first.pid() + " killed with SIGKILL after " + BEFORE.toSeconds() + " s; pid " + second.pid()
                        + " ready " + Duration.ofNanos(restarted - killed).toMillis() + " ms later",
                cutOff.size() + " requests cut off by the kill, " + log.matching(sent -> sent.failure()
                        == Sent.Failure.REFUSED).size() + " refused while no server listened")));
        assertThat(first.alive()).isFalse();
        assertThat(cutOff).as("requests the kill cut off").isNotEmpty();
        assertThat(log.matching(sent -> sent.succeeded() && sent.startedNanos() > restarted))
                .as("changes committed after the restart").isNotEmpty();
        verdict.assertHolds();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
