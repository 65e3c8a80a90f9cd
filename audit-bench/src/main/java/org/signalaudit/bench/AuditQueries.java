package org.signalaudit.bench;

import java.sql.SQLException;
import java.util.List;

/**
 * The audit viewer's questions on a large history, through the API: by user, by initiator and
 * time range, by request id; first pages and deep keyset pages.
 */
final class AuditQueries {

    record Query(String name, String path) {
    }

    private final MicroServer server;
    private final Client client;
    private final Database db;

    AuditQueries(MicroServer server, Database db) {
        this.server = server;
        this.client = server.client();
        this.db = db;
    }

    List<Query> all() throws SQLException {
        long ofUser = db.queryForLong("SELECT count(*) FROM user_state_audit WHERE username = 'bulk-4242'");
        long deepInUser = db.queryForLong("SELECT id FROM user_state_audit WHERE username = 'bulk-4242'"
                + " ORDER BY id DESC OFFSET " + ofUser * 4 / 5 + " LIMIT 1");
        long ofAll = db.queryForLong("SELECT count(*) FROM user_state_audit");
        long deepInAll = db.queryForLong("SELECT id FROM user_state_audit ORDER BY id OFFSET "
                + Math.min(1000, ofAll / 10) + " LIMIT 1");
        // A request of the bulk rows (10,000 users' ... 'bulk-request-' || g): the same one in every
        // full run, one that exists in a shortened run (-Dbench.audit-rows=).
        long bulk = db.queryForLong("SELECT count(*) FROM user_state_audit WHERE request_id LIKE 'bulk-request-%'");
        String request = "bulk-request-" + Math.min(777_777, bulk);
        String from = db.queryForString("SELECT to_char((now() - interval '6 days') AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
        String to = db.queryForString("SELECT to_char((now() - interval '5 days') AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
        return List.of(
                new Query("by user, first page", "api/audit/state-changes?username=bulk-4242&limit=50"),
                new Query("by user, deep page (4/5 of its rows skipped)", "api/audit/state-changes?username=bulk-4242&limit=50&after=" + deepInUser),
                new Query("by initiator and day, first page",
                        "api/audit/state-changes?initiatedBy=admin-7&from=" + from + "&to=" + to + "&limit=50"),
                new Query("all rows, first page", "api/audit/state-changes?limit=50"),
                new Query("all rows, deep page (1,000 from the oldest)", "api/audit/state-changes?limit=50&after=" + deepInAll),
                new Query("by request id", "api/audit/requests/" + request));
    }

    /** One entity's state as of a moment and its history, among many entities' rows. */
    List<Query> entityHistory() throws SQLException {
        String middle = db.queryForString("SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM entity_audit WHERE entity_type = 'Group' AND entity_id = 'bench-history'"
                + " ORDER BY id OFFSET (SELECT count(*) / 2 FROM entity_audit WHERE entity_id = 'bench-history') LIMIT 1");
        long changes = db.queryForLong("SELECT count(*) FROM entity_audit WHERE entity_type = 'Group'"
                + " AND entity_id = 'bench-history'");
        return List.of(
                new Query("entity as of now (" + changes + " changes)", "api/audit/entities/Group/bench-history"),
                new Query("entity as of the middle of its history", "api/audit/entities/Group/bench-history?asOf=" + middle),
                new Query("entity history, first page", "api/audit/entities/Group/bench-history/history?limit=50"));
    }

    /** The latency of one answer, in ms. */
    double once(Query query) {
        long started = System.nanoTime();
        BenchAccounts.require(client.fork().get(query.path()), 200);
        return (System.nanoTime() - started) / 1e6;
    }

    WarmUp.Sampled p95(Query query, int samples) {
        Client own = client.fork();
        var warmed = WarmUp.repeat(server, () -> BenchAccounts.require(own.get(query.path()), 200));
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            BenchAccounts.require(own.get(query.path()), 200);
            nanos[i] = System.nanoTime() - started;
        }
        return new WarmUp.Sampled(new Latencies(nanos).percentile(95), warmed);
    }
}
