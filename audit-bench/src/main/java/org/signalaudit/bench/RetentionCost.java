package org.signalaudit.bench;

import java.time.Duration;

/**
 * {@code -Dbench.scenario=retention}: what a retention run costs (docs/INTEGRITY.md, "Retention").
 * A month far in the past gets {@code bench.audit-rows} state rows by SQL (as
 * {@link Database#fillAuditRows}), the running server's sealer seals them, then one
 * {@code POST /api/audit/retention/run} retires that month: the hold and sealing checks, the
 * tombstone (its row, the list of its leaves, the digest of their hashes), the detach and the drop,
 * and the run's trail rows, timed end to end over HTTP.
 */
final class RetentionCost {

    private static final String MONTH = "2001-01-01";

    private RetentionCost() {
    }

    static void report(Report report, Database db, int rows) throws Exception {
        try (var server = MicroServer.start(db, true); var lag = new SealLag(db)) {
            db.execute("SELECT audit_month_partition('user_state_audit', DATE '" + MONTH + "')");
            long before = db.auditRows();
            long filled = System.nanoTime();
            db.execute("INSERT INTO user_state_audit (username, initiated_by, start_state, end_state, occurred_at,"
                    + " ip_address, origin, event, reason, request_id)"
                    + " SELECT 'bulk-' || (g % 10000), 'admin-' || (g % 50), 'ACTIVE', 'LOCKED',"
                    + " TIMESTAMPTZ '" + MONTH + " 00:00:00+00' + make_interval(secs => g * 2), '10.0.0.1', 'HTTP_API',"
                    + " 'LOCK', NULL, 'bulk-request-' || g FROM generate_series(1, " + rows + ") AS g");
            double sealed = lag.untilTreeHolds(before + rows, filled, Duration.ofHours(1));
            report.add("retention", "seal of the month's " + rows + " rows (to compare)", sealed, "ms");
            db.execute("ANALYZE");
            long started = System.nanoTime();
            var answer = server.client().post("api/audit/retention/run", "{\"reason\": \"benchmark\"}");
            double millis = (System.nanoTime() - started) / 1e6;
            if (answer.status() != 200 || !answer.body().contains("\"rows\":" + rows)) {
                throw new IllegalStateException("The retention run did not drop the month: " + answer);
            }
            report.add("retention", "one run dropping a month of " + rows + " rows (checks, tombstone, detach, drop; "
                    + "HTTP)", millis, "ms");
            long remaining = db.queryForLong("SELECT count(*) FROM user_state_audit WHERE occurred_at < TIMESTAMPTZ '"
                    + MONTH + " 00:00:00+00' + INTERVAL '1 month'");
            report.add("retention", "rows of the month left after the run", remaining, "rows");
        }
    }
}
