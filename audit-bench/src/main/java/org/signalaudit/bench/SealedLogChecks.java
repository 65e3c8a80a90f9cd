package org.signalaudit.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sealed log's own answers through the API, timed: the verify, which re-derives the whole tree
 * from the rows (its wall time, and the server's heap while it runs: the issue wants it
 * independent of the row count), and inclusion proofs of random sealed rows.
 */
final class SealedLogChecks {

    /** One verify: wall time, the rows it checked, whether the log was intact, the server's heap. */
    record Verify(double millis, long rows, boolean intact, Heap heap) {
    }

    /**
     * The server's heap around one verify, in MiB: live when it started (after a full collection),
     * the most in use during it (garbage included), the most left after any collection from its
     * start to the full collection after it (what it kept live), and the collections during it.
     */
    record Heap(double liveAtStart, double peakUsed, double maxAfterCollection, int collectionsDuring) {

        static Heap of(List<GcLog.Pause> pauses) {
            if (pauses.size() < 2) {
                return new Heap(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            List<GcLog.Pause> since = pauses.subList(1, pauses.size());
            return new Heap(pauses.get(0).after(), since.stream().mapToDouble(GcLog.Pause::before).max().orElseThrow(),
                    since.stream().mapToDouble(GcLog.Pause::after).max().orElseThrow(), pauses.size() - 2);
        }
    }

    private final MicroServer server;
    private final Database db;

    SealedLogChecks(MicroServer server, Database db) {
        this.server = server;
        this.db = db;
    }

    /**
     * The verify, timed, between two full collections of the server's heap: the one before gives
     * what is live when it starts; the one after, the heap used at its end, so that the peak is
     * known even when no collection ran during it (the heap only grows between collections).
     */
    Verify verify() throws IOException, InterruptedException {
        Client client = server.client().fork();
        long fromMillis = System.currentTimeMillis();
        server.collectGarbage();
        long started = System.nanoTime();
        var answer = client.get("api/audit/verify", Duration.ofMinutes(30));
        double millis = (System.nanoTime() - started) / 1e6;
        server.collectGarbage();
        long toMillis = System.currentTimeMillis();
        BenchAccounts.require(answer, 200);
        var report = answer.json();
        if (!report.getBoolean("intact")) {
            System.out.println("WARNING: the verify does not find the log intact: " + answer.body());
        }
        return new Verify(millis, report.getJsonNumber("rows").longValue(), report.getBoolean("intact"),
                Heap.of(server.gcLog().between(fromMillis, toMillis)));
    }

    /** p95 of the inclusion proof of random sealed state rows, after a warm-up. */
    WarmUp.Sampled inclusionP95(int samples) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (var connection = db.connect(); var sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT row_id FROM audit_leaf WHERE table_code = 'state'"
                     + " ORDER BY random() LIMIT " + samples)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        Client client = server.client().fork();
        int[] next = {0};
        var warmed = WarmUp.repeat(server,
                () -> BenchAccounts.require(client.get(proofOf(ids.get(next[0]++ % Math.min(20, ids.size())))), 200));
        long[] nanos = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long started = System.nanoTime();
            BenchAccounts.require(client.get(proofOf(ids.get(i))), 200);
            nanos[i] = System.nanoTime() - started;
        }
        return new WarmUp.Sampled(new Latencies(nanos).percentile(95), warmed);
    }

    private static String proofOf(long id) {
        return "api/audit/proofs/inclusion?table=state&id=" + id;
    }
}
