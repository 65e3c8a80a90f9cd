package org.signalaudit.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark of docs/PERFORMANCE.md, in one run on one machine: audited transitions through
 * HTTP against pgbench running the same SQL, latency with the receivers on and off, audit queries
 * on a million rows, and start-up time. Timings are reported, never asserted.
 */
public final class Benchmark {

    static final int[] CLIENTS = {1, 8, 32};
    static final int LATENCY_SAMPLES = 400;
    static final int QUERY_SAMPLES = 100;
    /** The changes of the one entity whose history and "as of" state the benchmark asks for. */
    static final int ENTITY_CHANGES = 10_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration perLevel = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
        int auditRows = Integer.getInteger("bench.audit-rows", 1_000_000);
        Path out = Path.of(System.getProperty("bench.out", "target/benchmark"));
        var db = new Database(System.getProperty("bench.database", "signal_audit_bench"));
        db.recreate();
        var report = new Report(Machine.describe(db));
        System.out.println(report.machine());
        if ("entity-history".equals(System.getProperty("bench.scenario"))) {
            entityHistory(db, auditRows, report, out);
            return;
        }

        int users = CLIENTS[CLIENTS.length - 1];
        try (var server = MicroServer.start(db, true)) {
            report.add("start-up", "first start, empty database (migrations included)", server.startupMillis(), "ms");
            var accounts = new BenchAccounts(server.client());
            List<String> names = accounts.activeUsers(users);
            TransitionLoad.warmUp(server.client(), names.get(0));
            for (int clients : CLIENTS) {
                var load = TransitionLoad.run(server.client(), names.subList(0, clients), perLevel);
                report.add("transitions/s, HTTP, audited", clients + " clients", load.perSecond(), "tps");
                report.add("transition errors, HTTP", clients + " clients", load.errors(), "count");
            }
            var on = TransitionLoad.latencies(server.client(), names.get(0), LATENCY_SAMPLES);
            report.add("transition latency, auditing on", "median", on.percentile(50), "ms");
            report.add("transition latency, auditing on", "p99", on.percentile(99), "ms");
        }
        var pgbench = new Pgbench(db, users);
        for (int clients : CLIENTS) {
            report.add("transitions/s, pgbench, same SQL", clients + " clients", pgbench.run(clients, perLevel), "tps");
        }
        for (boolean audited : new boolean[] {true, false}) {
            var latencies = pgbench.latencies(audited, perLevel);
            String metric = "transition latency, pgbench, auditing " + (audited ? "on" : "off");
            report.add(metric, "median", latencies.percentile(50), "ms");
            report.add(metric, "p99", latencies.percentile(99), "ms");
        }
        try (var server = MicroServer.start(db, false)) {
            report.add("start-up", "restart, schema up to date", server.startupMillis(), "ms");
            // The same load as the audited server had before its latency run, so both JVMs are
            // equally warm: otherwise the comparison measures the JIT, not the audit.
            var accounts = new BenchAccounts(server.client());
            List<String> names = IntStream.range(0, users).mapToObj(accounts::existing).toList();
            for (int clients : CLIENTS) {
                TransitionLoad.run(server.client(), names.subList(0, clients), perLevel);
            }
            var off = TransitionLoad.latencies(server.client(), names.get(0), LATENCY_SAMPLES);
            report.add("transition latency, auditing off", "median", off.percentile(50), "ms");
            report.add("transition latency, auditing off", "p99", off.percentile(99), "ms");
        }
        db.fillAuditRows(auditRows);
        db.fillEntityRows(auditRows, ENTITY_CHANGES);
        try (var server = MicroServer.start(db, true)) {
            var queries = new AuditQueries(server.client(), db);
            for (var query : queries.all()) {
                report.add("audit query p95, " + auditRows + " rows", query.name(),
                        queries.p95(query, QUERY_SAMPLES), "ms");
            }
            for (var query : queries.entityHistory()) {
                report.add("entity history p95, " + auditRows + " rows", query.name(),
                        queries.p95(query, QUERY_SAMPLES), "ms");
            }
            ExportRun.report(report, "all " + auditRows + " state changes, CSV",
                    ExportRun.run(server.client(), "api/audit/export?table=state"));
        }
        write(report, out);
    }

    /**
     * {@code -Dbench.scenario=entity-history}: the entity-history queries alone, on
     * {@code bench.audit-rows} entity rows (10,000 of them one group's), without the load runs.
     */
    private static void entityHistory(Database db, int auditRows, Report report, Path out) throws Exception {
        try (var server = MicroServer.start(db, true)) {
            // The server's start creates the schema the rows go into.
            db.fillEntityRows(auditRows, Math.min(ENTITY_CHANGES, auditRows / 10));
            var queries = new AuditQueries(server.client(), db);
            for (var query : queries.entityHistory()) {
                report.add("entity history p95, " + auditRows + " rows", query.name(),
                        queries.p95(query, QUERY_SAMPLES), "ms");
            }
            ExportRun.report(report, "all " + auditRows + " entity changes, CSV",
                    ExportRun.run(server.client(), "api/audit/export?table=entity"));
        }
        write(report, out);
    }

    private static void write(Report report, Path out) throws Exception {
        List<String> written = new ArrayList<>(report.write(out));
        written.forEach(file -> System.out.println("Written: " + file));
        System.out.println(report.markdown());
    }
}
