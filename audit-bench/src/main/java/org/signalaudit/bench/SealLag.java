package org.signalaudit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The seal lag seen from the database, as the sealer defines it: now minus the {@code occurred_at}
 * of the oldest committed audit row that is in no leaf of the tree. Every row the sealer has passed
 * is in a leaf (it seals in (transaction, table, id) order and a transaction below its horizon can
 * add no row), so only rows from the last sealed row's transaction on can be unsealed: each table is
 * read from there on its {@code (written_by, id)} index, and a sample costs a few index reads
 * however large the tables are.
 */
final class SealLag implements AutoCloseable {

    /** The transaction of the last sealed row, as text; 0 while the tree is empty. */
    private static final String SINCE = "WITH last AS (SELECT table_code, row_id FROM audit_leaf"
            + " ORDER BY leaf_index DESC LIMIT 1) SELECT coalesce("
            + String.join(", ", List.of(lastSealed("state", "user_state_audit"), lastSealed("entity", "entity_audit"),
                    lastSealed("request", "request_audit"), lastSealed("login", "login_audit")))
            + ", '0'::xid8)::text";

    /** The unsealed rows after a transaction (each table's parameter: the same id), their oldest's age. */
    private static final String LAG = "SELECT extract(epoch FROM clock_timestamp() - min(occurred_at)) * 1000 FROM ("
            + String.join(" UNION ALL ", List.of(unsealed("state", "user_state_audit"),
                    unsealed("entity", "entity_audit"), unsealed("request", "request_audit"),
                    unsealed("login", "login_audit"))) + ") AS unsealed";

    private final Connection connection;
    private final PreparedStatement since;
    private final PreparedStatement lag;

    SealLag(Database db) throws SQLException {
        connection = db.connect();
        // The lag is sampled every 100 ms during the measured load: it must read the unsealed rows
        // through the (written_by, id) index and look each up in audit_leaf by its index, not scan
        // the tables nor hash a table's every leaf. PostgreSQL cannot estimate a range of xid8 and
        // planned (parallel) sequential scans of every table and hash anti-joins over all the leaves
        // at each sample: the measurement took a good part of the database's two cores (docs/
        // PERFORMANCE.md, runs 15 and 16). With those plans ruled out, one generic plan of index
        // reads serves every sample: it is made once, where a plan for each sample's value took
        // 3-5 ms of the database's CPU over the twenty partitions, ten times a second (run 19).
        try (Statement session = connection.createStatement()) {
            session.execute("SET enable_seqscan = off");
            session.execute("SET enable_hashjoin = off");
            session.execute("SET enable_mergejoin = off");
            session.execute("SET max_parallel_workers_per_gather = 0");
            session.execute("SET plan_cache_mode = force_generic_plan");
        }
        since = connection.prepareStatement(SINCE);
        lag = connection.prepareStatement(LAG);
        // A named statement on the server from the first sample on, so that its plan is kept.
        lag.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
    }

    /** The lag query's answer: milliseconds, null when nothing committed waits. */
    private synchronized Double lag() throws SQLException {
        String xid;
        try (ResultSet result = since.executeQuery()) {
            result.next();
            xid = result.getString(1);
        }
        for (int i = 1; i <= 4; i++) {
            lag.setString(i, xid);
        }
        try (ResultSet result = lag.executeQuery()) {
            result.next();
            double millis = result.getDouble(1);
            return result.wasNull() ? null : Math.max(0, millis);
        }
    }

    /** The lag now, in milliseconds: 0 when nothing committed waits. */
    double millis() throws SQLException {
        Double lag = lag();
        return lag == null ? 0 : lag;
    }

    private boolean allSealed() throws SQLException {
        return lag() == null;
    }

    /**
     * Waits until every committed row is sealed; the time it took, in milliseconds from
     * {@code sinceNanos}, NaN after {@code atMost}. For tables of load size: the check reads every
     * row of the last sealed transaction on.
     */
    double untilAllSealed(long sinceNanos, Duration atMost) throws SQLException, InterruptedException {
        return until(this::allSealed, 10, sinceNanos, atMost);
    }

    /**
     * Waits until the tree holds {@code leaves} leaves; the time it took, in milliseconds from
     * {@code sinceNanos}, NaN after {@code atMost}. For a bulk load with no other writer: one index
     * read per check, whatever the number of rows still waiting.
     */
    double untilTreeHolds(long leaves, long sinceNanos, Duration atMost) throws SQLException, InterruptedException {
        try (PreparedStatement size = connection.prepareStatement(
                "SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_leaf")) {
            return until(() -> {
                try (ResultSet result = size.executeQuery()) {
                    result.next();
                    return result.getLong(1) >= leaves;
                }
            }, 200, sinceNanos, atMost);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean done() throws SQLException;
    }

    private static double until(Check check, long pollMillis, long sinceNanos, Duration atMost)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            Thread.sleep(pollMillis);
        }
        return (System.nanoTime() - sinceNanos) / 1e6;
    }

    /** Samples the lag every {@code period} on a thread of its own while {@code load} runs. */
    <T> Sampled<T> during(Duration period, Load<T> load) throws Exception {
        var running = new AtomicBoolean(true);
        var samples = new ArrayList<Long>();
        var failure = new Exception[1];
        var sampler = new Thread(() -> {
            while (running.get()) {
                long next = System.nanoTime() + period.toNanos();
                try {
                    samples.add(Math.round(millis() * 1_000_000));
                } catch (SQLException e) {
                    failure[0] = e;
                    return;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "seal-lag-sampler");
        sampler.start();
        T result;
        try {
            result = load.run();
        } finally {
            running.set(false);
            sampler.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return new Sampled<>(result, new Latencies(samples.stream().mapToLong(Long::longValue).toArray()),
                samples.size());
    }

    @FunctionalInterface
    interface Load<T> {
        T run() throws Exception;
    }

    /** What the load returned, and the lag samples taken while it ran (in the form of latencies). */
    record Sampled<T>(T result, Latencies lag, int samples) {
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static String lastSealed(String code, String table) {
        return "(SELECT t.written_by FROM last JOIN " + table + " t ON last.table_code = '" + code
                + "' AND t.id = last.row_id)";
    }

    private static String unsealed(String code, String table) {
        return "SELECT occurred_at FROM " + table + " t WHERE t.written_by >= CAST(? AS xid8) AND NOT EXISTS"
                + " (SELECT 1 FROM audit_leaf l WHERE l.table_code = '" + code + "' AND l.row_id = t.id)";
    }
}
