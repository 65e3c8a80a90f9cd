package org.signalaudit.audit.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The persisted cursor of one destination ({@code audit_forward_cursor}): how far its copy has got.
 * Read and advanced in the forwarder's transaction, the advance only after the receiver read the
 * batch: a crash, a restart or an outage in between sends the batch again (at least once), never
 * skips it.
 *
 * @param nextLeaf the first leaf not yet sent
 * @param checkpointSize the tree size of the last checkpoint sent (0: none yet)
 */
record ForwardCursor(long nextLeaf, long checkpointSize) {

    static final ForwardCursor START = new ForwardCursor(0, 0);

    static ForwardCursor of(Connection connection, String destination) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_leaf, checkpoint_size FROM audit_forward_cursor WHERE destination = ?")) {
            select.setString(1, destination);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? new ForwardCursor(result.getLong(1), result.getLong(2)) : START;
            }
        }
    }

    /** Stores this position for the destination, in the caller's transaction. */
    void store(Connection connection, String destination) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_forward_cursor SET next_leaf = ?, "
                + "checkpoint_size = ?, forwarded_at = ? WHERE destination = ?")) {
            update.setLong(1, nextLeaf);
            update.setLong(2, checkpointSize);
            update.setObject(3, now, Types.TIMESTAMP_WITH_TIMEZONE);
            update.setString(4, destination);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        // The first batch to this destination. Only the forwarder holding the lock gets here.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_forward_cursor (destination, "
                + "next_leaf, checkpoint_size, forwarded_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, destination);
            insert.setLong(2, nextLeaf);
            insert.setLong(3, checkpointSize);
            insert.setObject(4, now, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
        }
    }
}
