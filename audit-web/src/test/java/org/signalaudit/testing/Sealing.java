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
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The " + table + " row " + rowId + " was not sealed within " + PATIENCE);
    }

    public static long leafIndex(AuditDatabase db, String table, long rowId) {
        return awaitSealed(db, table, rowId);
    }
}
