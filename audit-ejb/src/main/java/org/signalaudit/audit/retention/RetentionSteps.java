package org.signalaudit.audit.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.audit.SkippedMonth;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.store.TransactionConnection;

/**
 * The steps of a retention run that write, each in a transaction of its own: one month retired
 * (checked against the holds, tombstoned, dropped, and its trail row, all or nothing), and the
 * run's own trail row. A month per transaction: {@code DETACH PARTITION} locks the table's parent
 * until the commit, so the lock is held for one month's drop only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionSteps {

    /** A month's outcome: dropped, or skipped and why. */
    public record Outcome(RetiredMonth dropped, SkippedMonth skipped) {
    }

    /** The advisory lock key of retirements: "retire" in ASCII, any constant no one else uses. */
    static final long RETIREMENT_LOCK = 0x726574697265L;

    @Inject
    TransactionConnection transaction;

    @Inject
    RetentionTrail trail;

    public Outcome retire(AuditMonth month, String actor, String reason) {
        try {
            return transaction.apply(connection -> {
                // One retirement at a time (the daily timer and a SUPERADMIN's run, or two runs, may
                // overlap): the second finds the month gone and skips it, instead of failing on it.
                try (PreparedStatement one = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    one.setLong(1, RETIREMENT_LOCK);
                    one.execute();
                }
                if (!exists(connection, month)) {
                    return skipped(month, "already retired by another run");
                }
                // Holds placed while this month is retired wait for its commit: none is missed.
                try (PreparedStatement lock = connection.prepareStatement("LOCK TABLE legal_hold IN SHARE MODE")) {
                    lock.execute();
                }
                Optional<String> held = AuditMonths.heldBy(connection, month, HoldRows.all(connection));
                if (held.isPresent()) {
                    return skipped(month, "held by " + held.get());
                }
                long unsealed = AuditMonths.unsealed(connection, month);
                if (unsealed > 0) {
                    return skipped(month, unsealed + " rows are not sealed yet");
                }
                if (month.table() == AuditTable.ENTITY) {
                    forgetReplayStates(connection, month);
                }
                try (PreparedStatement retire = connection.prepareStatement("SELECT audit_retire_month(?, ?, ?, ?, ?)")) {
                    retire.setString(1, month.table().tableName());
                    retire.setString(2, month.table().code());
                    retire.setObject(3, month.month().atDay(1));
                    retire.setString(4, actor);
                    retire.setString(5, reason);
                    RetiredMonth dropped;
                    try (ResultSet result = retire.executeQuery()) {
                        result.next();
                        dropped = Tombstones.byId(connection, result.getLong(1));
                    }
                    // The tombstone's proof (TombstoneAudit): written on the same connection in the same
                    // transaction, so the month, its tombstone and this row commit or roll back together.
                    trail.record("RETIRE", actor, Tombstones.trailRecord(dropped));
                    return new Outcome(dropped, null);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Retention could not retire " + month, e);
        }
    }

    /**
     * Read from {@code pg_class} in the statement's own snapshot, taken after the advisory lock: a
     * run that waited for another's commit sees the drop it committed. {@code to_regclass} looks in
     * the session's catalog cache, which an advisory lock does not refresh: it still found the month
     * the other run had just dropped, and the retirement then failed on it (a 500).
     */
    private static boolean exists(Connection connection, AuditMonth month) throws SQLException {
        try (PreparedStatement partition = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ? AND n.nspname = current_schema())")) {
            partition.setString(1, month.partitionName());
            try (ResultSet result = partition.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * The replay states kept for "as of" (audit.reader.ReplayStates) hold the values of the rows
     * they were made from: those made from rows of this month leave with them (a later "as of"
     * replays what remains, and keeps states again).
     */
    private static void forgetReplayStates(Connection connection, AuditMonth month) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM entity_replay_state s"
                + " WHERE EXISTS (SELECT 1 FROM entity_audit t WHERE t.entity_type = s.entity_type"
                + " AND t.entity_id = s.entity_id AND t.id <= s.last_id AND t.occurred_at >= ? AND t.occurred_at < ?)")) {
            forget.setObject(1, OffsetDateTime.ofInstant(month.start(), ZoneOffset.UTC));
            forget.setObject(2, OffsetDateTime.ofInstant(month.end(), ZoneOffset.UTC));
            forget.executeUpdate();
        }
    }

    public void recordRun(String actor, String what) {
        trail.record("RETAIN", actor, what);
    }

    private static Outcome skipped(AuditMonth month, String why) {
        return new Outcome(null, new SkippedMonth(month.table().code(), month.month().toString(), why));
    }
}
