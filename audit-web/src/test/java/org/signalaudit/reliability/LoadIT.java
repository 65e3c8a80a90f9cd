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
 * 32 clients, a mixed stream of changes, conflicts and refusals, nothing disturbed: afterwards
 * every committed change has exactly its audit rows and nothing else has any.
 */
class LoadIT {

    /** Long enough for a thousand requests and a hundred conflicts on a busy machine; {@code -Dreliability.load=PT2M} for more. */
    private static final Duration LOAD = Duration.parse(System.getProperty("reliability.load", "PT30S"));

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void everyCommittedChangeHasExactlyItsRowsAndNothingElseHasAny() {
        ScratchDatabase database = run.database("signal_audit_rel_load");
        MicroProcess server = run.server(database, 0);
        AuditDatabase db = AuditDatabase.at(database.url());
        LoadMix mix = LoadMix.prepare(server.api(), db);

        LoadLog log = mix.runFor(LOAD);

        Verdict verdict = new LoadInvariants(db, server.api().asSuperadmin(), mix).check(log);
        run.report(verdict.summary("LoadIT", log, LOAD, List.of()));
        assertThat(log.matching(Sent::succeeded)).as("committed requests").hasSizeGreaterThan(100);
        assertThat(log.matching(sent -> !sent.answered())).as("requests without an answer").isEmpty();
        verdict.assertHolds();
    }
}
