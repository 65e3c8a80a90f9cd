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
 * {@link LoadIT}'s load for as long as {@code soak.duration} says (ISO-8601, e.g. {@code PT30M}),
 * with the same invariants at the end: what a short run cannot show (pools, caches, sequences,
 * memory over time). Not part of the default run: {@code ./mvnw -B verify -Psoak
 * -Dsoak.duration=PT30M} runs it alone (see README).
 */
class SoakIT {

    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void theInvariantsHoldAfterALongLoad() {
        Duration soak = Duration.parse(System.getProperty("soak.duration", "PT10M"));
        ScratchDatabase database = run.database("signal_audit_rel_soak");
        MicroProcess server = run.server(database, 0);
        AuditDatabase db = AuditDatabase.at(database.url());
        LoadMix mix = LoadMix.prepare(server.api(), db);

        LoadMix.Running load = mix.start();
        long end = load.startedNanos() + soak.toNanos();
        while (System.nanoTime() < end) {
            sleep(Duration.ofNanos(Math.min(PROGRESS_EVERY.toNanos(), end - System.nanoTime())));
            System.out.printf("soak: %d s, %d requests so far: %s%n",
                    Duration.ofNanos(System.nanoTime() - load.startedNanos()).toSeconds(), load.log().size(),
                    load.log().outcomes());
        }
        LoadLog log = load.stop();

        Verdict verdict = new LoadInvariants(db, server.api().asSuperadmin(), mix).check(log);
        run.report(verdict.summary("SoakIT", log, soak, List.of()));
        assertThat(log.matching(Sent::succeeded)).as("committed requests").isNotEmpty();
        assertThat(log.matching(sent -> !sent.answered())).as("requests without an answer").isEmpty();
        verdict.assertHolds();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
