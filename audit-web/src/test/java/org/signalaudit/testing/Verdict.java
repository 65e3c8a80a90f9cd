package org.signalaudit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@link LoadInvariants} found: what it checked, for the summary, and what did not hold. */
public final class Verdict {

    private static final int SHOWN = 40;

    final List<String> problems = new ArrayList<>();
    int stateRows;
    int entityRows;
    int trailRows;
    int trailExempt;
    int inDoubtCommitted;
    int inDoubtNotCommitted;
    int inDoubtWithoutChange;
    int replayedUsers;
    int replayedGroups;
    long verified = -1;
    long sealed = -1;
    int replayChecked = -1;

    Verdict() {
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public int inDoubt() {
        return inDoubtCommitted + inDoubtNotCommitted + inDoubtWithoutChange;
    }

    /** Fails with the first problems found, if any. */
    public void assertHolds() {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " invariants do not hold:\n  "
                    + problems.stream().limit(SHOWN).collect(Collectors.joining("\n  "))
                    + (problems.size() > SHOWN ? "\n  ..." : ""));
        }
    }

    /** A few lines that say what the run proved: requests and their outcomes, rows checked, doubts settled. */
    public String summary(String test, LoadLog log, Duration load, List<String> extra) {
        var lines = new ArrayList<String>();
        lines.add("== " + test + ": " + LoadMix.CLIENTS + " clients, " + seconds(load) + " s of load, " + log.size()
                + " requests (" + Math.round(log.size() / Math.max(load.toMillis() / 1000.0, 0.001)) + "/s)");
        lines.add("   outcomes: " + format(log.outcomes()) + "; latency of the answers: " + log.latencies(sent -> true));
        log.outcomesByKind().forEach((kind, outcomes) -> lines.add("     " + kind + ": " + format(outcomes)));
        lines.add("   in doubt (sent, no answer): " + inDoubt() + "; of the " + (inDoubtCommitted + inDoubtNotCommitted)
                + " that would have changed something, " + inDoubtCommitted + " committed with all their rows, "
                + inDoubtNotCommitted + " not at all");
        lines.add("   rows checked: " + stateRows + " user_state_audit, " + entityRows + " entity_audit, " + trailRows
                + " request_audit (" + trailExempt + " answered requests exempt: server or database down)");
        lines.add("   replayed over JDBC: " + replayedUsers + " users, " + replayedGroups + " groups; GET /audit/verify: "
                + (verified < 0 ? "-" : verified + " rows") + ", " + (sealed < 0 ? "-" : sealed + " rows sealed once each") + "; GET /audit/replay-check: "
                + (replayChecked < 0 ? "-" : replayChecked + " users"));
        extra.forEach(line -> lines.add("   " + line));
        lines.add("   invariants: " + (problems.isEmpty() ? "all hold" : problems.size() + " violated"));
        return String.join("\n", lines);
    }

    private static String format(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
