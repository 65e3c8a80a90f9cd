package org.signalaudit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

/**
 * The one check of every reliability test, after its load: the database holds exactly what the
 * answers say happened.
 * <ul>
 * <li>a 2xx that changed something wrote exactly its rows ({@link Sent#ifCommitted()}), a 2xx
 * that changed nothing none; a refusal (4xx, 5xx, 503) or a refused connection wrote none;</li>
 * <li>a request without an answer is in doubt: it wrote all its rows or none, nothing between;</li>
 * <li>no row was written by a request the load did not send (rows before the load excepted);</li>
 * <li>the state rows replay to the users' states, versions and members ({@link Replay}), every
 * committed audit row is sealed exactly once (the sealer catches up after the load), and the
 * application's own checks agree: {@code GET /audit/verify} intact, {@code GET
 * /audit/replay-check} clean;</li>
 * <li>every answered request has its one {@code request_audit} row with the status it got,
 * except in the windows a test declares (the server killed), where the trail cannot be written;
 * a database outage is no such window: the rows wait in the outage spool;</li>
 * <li>every answer is one its kind of request may get, 503 only where a test declares the
 * database unavailable, and echoes the request's id.</li>
 * </ul>
 */
public final class LoadInvariants {

    private static final long TRAIL_WAIT_SECONDS = 30;

    private final AuditDatabase db;
    private final Api superadmin;
    private final LoadMix mix;
    private final List<long[]> trailGaps = new ArrayList<>();
    private Predicate<Sent> trailAtRisk = request -> true;
    private final List<long[]> outages = new ArrayList<>();

    public LoadInvariants(AuditDatabase db, Api superadmin, LoadMix mix) {
        this.db = db;
        this.superadmin = superadmin;
        this.mix = mix;
    }

    /**
     * Requests under way in this interval may lack their trail row (the server died). Not for a
     * database outage: the outage spool keeps those rows.
     */
    public LoadInvariants trailMayMissBetween(long fromNanos, long toNanos) {
        trailGaps.add(new long[] {fromNanos, toNanos});
        return this;
    }

    /**
     * As {@link #trailMayMissBetween}, for the requests {@code through} picks only (those sent to
     * the server that was killed, when others kept serving).
     */
    public LoadInvariants trailMayMissBetween(long fromNanos, long toNanos, Predicate<Sent> through) {
        trailAtRisk = through;
        return trailMayMissBetween(fromNanos, toNanos);
    }

    /** Requests under way in this interval may be answered 503: the database was unavailable. */
    public LoadInvariants databaseUnavailableBetween(long fromNanos, long toNanos) {
        outages.add(new long[] {fromNanos, toNanos});
        return this;
    }

    public Verdict check(LoadLog log) {
        var verdict = new Verdict();
        List<Sent> requests = log.all();
        answers(requests, verdict);
        rows(requests, verdict);
        trail(requests, verdict);
        Replay.Result replay = Replay.of(db);
        verdict.replayedUsers = replay.users();
        verdict.replayedGroups = replay.groups();
        verdict.problems.addAll(replay.problems());
        integrity(verdict);
        return verdict;
    }

    private void answers(List<Sent> requests, Verdict verdict) {
        for (Sent request : requests) {
            if (!request.answered()) {
                continue;
            }
            boolean unavailable = request.status() == 503 && in(outages, request);
            if (!request.kind().expects(request.status()) && !unavailable) {
                verdict.problems.add("unexpected answer: " + request.describe());
            }
            if (!request.requestId().equals(request.echoedRequestId())) {
                verdict.problems.add("request id not echoed: " + request.describe() + " came back as "
                        + request.echoedRequestId());
            }
        }
    }

    private void rows(List<Sent> requests, Verdict verdict) {
        AuditRows rows = AuditRows.after(db, mix.watermarks());
        verdict.stateRows = rows.stateCount;
        verdict.entityRows = rows.entityCount;
        for (Sent request : requests) {
            List<String> state = sorted(rows.state.remove(request.requestId()));
            List<String> entity = sorted(rows.entity.remove(request.requestId()));
            List<String> expectedState = sorted(request.ifCommitted().stateRows());
            List<String> expectedEntity = sorted(request.ifCommitted().entityRows());
            boolean none = state.isEmpty() && entity.isEmpty();
            boolean all = state.equals(expectedState) && entity.equals(expectedEntity);
            if (request.succeeded() && !all) {
                verdict.problems.add(request.describe() + " should have written " + expectedState + expectedEntity
                        + ", found " + state + entity);
            } else if (!request.succeeded() && !request.inDoubt() && !none) {
                verdict.problems.add(request.describe() + " changed nothing, yet wrote " + state + entity);
            } else if (request.inDoubt()) {
                if (!none && !all) {
                    verdict.problems.add(request.describe() + " is in doubt and wrote part of its rows: " + state + entity
                            + " of " + expectedState + expectedEntity);
                } else if (request.ifCommitted().none()) {
                    verdict.inDoubtWithoutChange++;
                } else if (none) {
                    verdict.inDoubtNotCommitted++;
                } else {
                    verdict.inDoubtCommitted++;
                }
            }
        }
        rows.state.forEach((id, left) -> verdict.problems.add("user_state_audit rows of " + stranger(id) + ": " + left));
        rows.entity.forEach((id, left) -> verdict.problems.add("entity_audit rows of " + stranger(id) + ": " + left));
    }

    private static String stranger(String requestId) {
        return requestId == null ? "no request, written during the load" : "request " + requestId + ", which the load did not send";
    }

    /**
     * Every answered request has its request_audit row with its status. The row is written as the
     * request ends, before the answer leaves; the wait is a margin, not the rule.
     */
    private void trail(List<Sent> requests, Verdict verdict) {
        Set<String> required = new HashSet<>();
        for (Sent request : requests) {
            if (request.answered() && !(in(trailGaps, request) && trailAtRisk.test(request))) {
                required.add(request.requestId());
            }
        }
        Map<String, List<Integer>> trail = trailRows();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRAIL_WAIT_SECONDS);
        while (!trail.keySet().containsAll(required) && System.nanoTime() < deadline) {
            LoadMix.sleep(Duration.ofMillis(500));
            trail = trailRows();
        }
        verdict.trailRows = trail.values().stream().mapToInt(List::size).sum();
        verdict.trailExempt = (int) requests.stream().filter(r -> r.answered() && !required.contains(r.requestId())).count();
        Set<String> sent = new HashSet<>();
        for (Sent request : requests) {
            sent.add(request.requestId());
            List<Integer> statuses = trail.getOrDefault(request.requestId(), List.of());
            if (statuses.size() > 1) {
                verdict.problems.add(request.describe() + " has " + statuses.size() + " request_audit rows");
            } else if (statuses.isEmpty() && required.contains(request.requestId())) {
                verdict.problems.add(request.describe() + " has no request_audit row");
            } else if (!statuses.isEmpty() && request.answered() && statuses.get(0) != request.status()) {
                verdict.problems.add(request.describe() + " is in the trail with status " + statuses.get(0));
            }
        }
        trail.keySet().stream().filter(id -> !sent.contains(id))
                .forEach(id -> verdict.problems.add("request_audit row of " + id + ", which the load did not send"));
    }

    private Map<String, List<Integer>> trailRows() {
        Map<String, List<Integer>> rows = new HashMap<>();
        for (var row : db.select("SELECT request_id, status FROM request_audit WHERE request_id LIKE ?",
                mix.requestIdPrefix() + "%")) {
            rows.computeIfAbsent((String) row.get("request_id"), id -> new ArrayList<>())
                    .add(((Number) row.get("status")).intValue());
        }
        return rows;
    }

    /** The application's own verdict on the sealed log and its replay of the state rows. */
    private void integrity(Verdict verdict) {
        verdict.sealed = Sealing.awaitAllSealed(db, verdict.problems);
        Api.Response verify = superadmin.get("api/audit/verify").send();
        if (verify.status() != 200) {
            verdict.problems.add("GET /audit/api/audit/verify answered " + verify);
        } else {
            JsonObject chains = verify.json();
            verdict.verified = chains.getJsonNumber("rows").longValue();
            if (!chains.getBoolean("intact")) {
                verdict.problems.add("the sealed log does not verify: " + chains);
            }
        }
        Api.Response replay = superadmin.get("api/audit/replay-check").send();
        if (replay.status() != 200) {
            verdict.problems.add("GET /audit/api/audit/replay-check answered " + replay);
        } else {
            JsonObject check = replay.json();
            verdict.replayChecked = check.getInt("users");
            if (!check.getBoolean("clean")) {
                verdict.problems.add("the replay check is not clean: " + check.getJsonArray("mismatches"));
            }
        }
    }

    private static boolean in(List<long[]> windows, Sent request) {
        return windows.stream().anyMatch(window -> request.overlaps(window[0], window[1]));
    }

    private static List<String> sorted(List<String> rows) {
        if (rows == null) {
            return List.of();
        }
        var copy = new ArrayList<>(rows);
        Collections.sort(copy);
        return copy;
    }
}
