package org.signalaudit.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Waiting for the sealer: a row's leaf in the tree, read from the database. */
public final class Sealing {

    /** Far above the seal interval (500 ms) and the lag of a busy test machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Sealing() {
    }

    /** The row's leaf index, once the sealer has sealed it. */
    public static long awaitSealed(AuditDatabase db, String table, long rowId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> leaf = db.select("SELECT leaf_index FROM audit_leaf WHERE table_code = ? "
                    + "AND row_id = ?", table, rowId);
            if (!leaf.isEmpty()) {
                return (Long) leaf.get(0).get("leaf_index");
            }
            pause();
        }
        throw new AssertionError("The " + table + " row " + rowId + " was not sealed within " + PATIENCE);
    }

    /**
     * Waits until every row of the four audit tables has its one leaf (the unique key of
     * {@code audit_leaf} rules out a second), and returns how many; a problem for each table whose
     * rows are still not all sealed after the wait.
     */
    public static long awaitAllSealed(AuditDatabase db, List<String> problems) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            long rows = 0;
            List<String> behind = new java.util.ArrayList<>();
            for (String[] table : TABLES) {
                long count = db.queryForLong("SELECT count(*) FROM " + table[1]);
                long leaves = db.queryForLong("SELECT count(*) FROM audit_leaf WHERE table_code = '" + table[0] + "'");
                rows += count;
                if (count != leaves) {
                    behind.add(table[1] + ": " + count + " rows, " + leaves + " sealed");
                }
            }
            if (behind.isEmpty()) {
                return rows;
            }
            if (Instant.now().isAfter(deadline)) {
                problems.add("not every committed row was sealed within " + PATIENCE + ": " + behind);
                return -1;
            }
            pause();
        }
    }

    private static final String[][] TABLES = {{"state", "user_state_audit"}, {"entity", "entity_audit"},
            {"request", "request_audit"}, {"login", "login_audit"}};

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
