package org.signalaudit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Dbench.scenario=cluster}: audited transitions/s at 32 clients with 1, 2 and 3 Payara Micro
 * instances clustered on this machine over one database, the clients round-robin over the
 * instances, next to pgbench running the transition's SQL with nothing in front, in the same run.
 * On one machine more instances add no CPU: the figure to read is whether throughput holds as
 * instances join (docs/PERFORMANCE.md says what limits N instances on N hosts).
 */
final class ClusterRun {

    static final int INSTANCES = 3;

    private static final String HTTP_TPS = "transitions/s, HTTP, audited, clustered instances";
    private static final String PGBENCH_TPS = "transitions/s, pgbench, transition SQL without chain or seal";

    private ClusterRun() {
    }

    /**
     * The sealer's own account, summed over the instances (whichever held the lock sealed): rows
     * sealed, and the time spent in the seals that sealed them, lock to commit. Its quotient is the
     * cost of a row at the batch sizes the load made, the fixed cost of each seal (lock, tree edge,
     * signature, commit) spread over its rows; one sealer at a time across a cluster, so its
     * inverse bounds the rate of N instances on N hosts.
     */
    private static void sealingCost(Report report, List<MicroServer> members) {
        double rows = 0;
        double micros = 0;
        double checkpoints = 0;
        for (MicroServer member : members) {
            rows += member.client().metric("application", "audit_sealed_rows_total");
            micros += member.client().metric("application", "audit_sealing_microseconds_total");
            checkpoints += member.client().metric("application", "audit_checkpoints_total");
        }
        String condition = "the whole run, " + INSTANCES + " instances";
        report.add("rows sealed, by the sealer's metrics", condition, rows, "count");
        report.add("rows per seal", condition, rows / checkpoints, "count");
        report.add("sealing time per row (lock to commit, over the rows sealed)", condition, micros / rows, "µs");
    }

    static void run(Report report, Database db, int users, Duration perLevel) throws Exception {
        String name = "bench-" + ProcessHandle.current().pid();
        List<Integer> gridPorts = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            gridPorts.add(MicroServer.freePort());
        }
        List<MicroServer> members = new ArrayList<>();
        try (var lag = new SealLag(db)) {
            // The first member alone migrates the empty database and creates the superadmin, as
            // the README's commands start them.
            members.add(MicroServer.member(db, name, gridPorts, 0));
            List<String> names = new BenchAccounts(members.get(0).client()).activeUsers(users);
            for (int instances = 1; instances <= INSTANCES; instances++) {
                if (instances > 1) {
                    members.add(MicroServer.member(db, name, gridPorts, instances - 1));
                }
                // The level's own load until every member is warm (SteadyState), so that every
                // level measures warm JVMs, not the JIT of the one that just joined.
                List<Client> clients = members.stream().map(MicroServer::client).toList();
                String level = instances + " instances, " + users + " clients";
                SteadyState.warm(report, level, members, names);
                TransitionLoad.settle(report, level, clients, names);
                var load = TransitionLoad.measure(report, level, perLevel, clients, names);
                report.add(HTTP_TPS, level, load.perSecond(), "tps");
                report.add("transition errors, HTTP, clustered instances", level, load.errors(), "count",
                        Target.atMost(0));
            }
            report.add("every row sealed, after the last load", INSTANCES + " instances",
                    lag.untilAllSealed(System.nanoTime(), Duration.ofMinutes(5)), "ms");
            sealingCost(report, members);
        } finally {
            for (int i = members.size() - 1; i >= 0; i--) {
                members.get(i).close();
            }
        }
        var pgbench = new Pgbench(db.copy("pgbench"), users);
        String level = "pgbench, " + users + " clients";
        SteadyState.settle(report, level, length -> pgbench.run(users, length));
        report.add(PGBENCH_TPS, users + " clients", SteadyState.medianRate(report, level, perLevel,
                length -> pgbench.run(users, length)), "tps");
        for (int instances = 1; instances <= INSTANCES; instances++) {
            report.ratio("HTTP / pgbench without chain or seal, " + instances + " instances, " + users + " clients",
                    report.value(HTTP_TPS, instances + " instances, " + users + " clients")
                            / report.value(PGBENCH_TPS, users + " clients"), Target.NONE);
        }
    }
}
