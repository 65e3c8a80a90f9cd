package org.signalaudit.audit.reader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.seal.SealKey;

/**
 * States of entity replays, kept every {@link #EVERY} rows of an entity so that an "as of" replays
 * at most that many rows after the latest state it includes, however long the entity's history
 * (event stores keep snapshots for the same reason; docs/PERFORMANCE.md, runs 11 and 12). Replays
 * keep them as they pass those positions ({@link EntityChangeReader#replay}).
 *
 * <p>A kept state is derived data, never evidence, and is used only when two checks pass:
 * <ul>
 * <li>its MAC, an HMAC-SHA256 with a key derived from the seal key, which the database does not
 * hold: whoever can write this table cannot make an "as of" answer lie;</li>
 * <li>the entity still has exactly the rows it was made from up to its position. The audit tables
 * are append-only, so that count changes only when a row with a smaller id commits late, or when
 * retention drops rows (it forgets the states made from them). A state is <em>settled</em> once
 * no transaction that was open when it was kept is still open and the rows were counted after
 * that: ids come from a sequence, and a transaction takes one only inside an INSERT, which holds
 * its table's lock until the transaction ends, so no row up to the state's position can appear any
 * more. A settled state is used without counting again; one not yet settled is counted at every
 * use, and settles at the first use after the transactions open when it was kept have ended (on
 * PostgreSQL, which shows them in {@code pg_locks}; on the embedded H2 database a state is counted
 * at every use).</li>
 * </ul>
 * A state that fails either check is forgotten, with the entity's others, and the replay starts
 * from the first row (and keeps new ones). Forgetting is always safe: the next replay makes them again.
 */
@ApplicationScoped
public class ReplayStates {

    /** Rows of one entity between two kept states: an "as of" replays at most this many. */
    public static final int EVERY = 500;

    private static final Logger LOG = Logger.getLogger(ReplayStates.class.getName());

    /** A state and the position it stands at. */
    public record Kept(EntityReplay.Position position, String state) {
    }

    /** A kept state as stored: when it was kept (the database's clock), whether it settled, its MAC. */
    private record Stored(Kept kept, OffsetDateTime keptAt, boolean settled, String mac) {
    }

    /**
     * Whether a transaction that was open at the moment given (and may still commit a row of
     * {@code entity_audit}) is still open: one holding the table's lock (every INSERT takes it, and
     * keeps it to the transaction's end) that began at or before that moment, or whose start this
     * role cannot see (another role's session, a prepared transaction).
     */
    private static final String WRITER_OPEN_SINCE = "SELECT EXISTS (SELECT 1 FROM pg_locks l"
            + " LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'relation' AND l.relation = 'entity_audit'::regclass AND l.mode = 'RowExclusiveLock'"
            + " AND l.pid IS DISTINCT FROM pg_backend_pid() AND (a.xact_start IS NULL OR a.xact_start <= ?))";

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Inject
    SealKey sealKey;

    private SecretKeySpec macKey;

    @PostConstruct
    void deriveKey() {
        macKey = sealKey.derivedKey("signal-audit entity replay states v1");
    }

    /**
     * The latest kept state of the entity all of whose rows were written at or before {@code asOf}
     * (null: the latest), if it passes its checks.
     */
    public Optional<Kept> latest(String entityType, String entityId, Instant asOf) {
        String sql = "SELECT last_id, row_count, latest_occurred_at, state, kept_at, settled, mac"
                + " FROM entity_replay_state WHERE entity_type = ? AND entity_id = ?"
                + (asOf == null ? "" : " AND latest_occurred_at <= ?")
                + " ORDER BY last_id DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection connection = dataSource.getConnection()) {
            Optional<Stored> found = stored(connection, sql, entityType, entityId, asOf);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Stored stored = found.get();
            Kept kept = stored.kept();
            if (!MessageDigest.isEqual(stored.mac().getBytes(StandardCharsets.US_ASCII),
                    mac(entityType, entityId, kept, stored.keptAt(), stored.settled()).getBytes(StandardCharsets.US_ASCII))) {
                return forgotten(connection, entityType, entityId, kept,
                        "its MAC does not check (another seal key, or written by hand)");
            }
            if (stored.settled()) {
                return Optional.of(kept);
            }
            // Asked before the count, in a statement of its own: a writer that ends after this
            // question has committed before the count's snapshot, and the count sees its row.
            boolean settles = isPostgres(connection) && !writerOpenSince(connection, stored.keptAt());
            long rowsNow = rowsUpTo(connection, entityType, entityId, kept.position().lastId());
            if (rowsNow != kept.position().rows()) {
                return forgotten(connection, entityType, entityId, kept,
                        "the entity has " + rowsNow + " rows up to it, not " + kept.position().rows());
            }
            if (settles) {
                settle(connection, entityType, entityId, stored);
            }
            return Optional.of(kept);
        } catch (SQLException e) {
            throw new IllegalStateException("The kept replay states of " + entityType + " " + entityId
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private Optional<Stored> stored(Connection connection, String sql, String entityType, String entityId, Instant asOf)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            if (asOf != null) {
                select.setObject(3, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Kept kept = new Kept(new EntityReplay.Position(row.getLong(1), row.getInt(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()), row.getString(4));
                return Optional.of(new Stored(kept, row.getObject(5, OffsetDateTime.class), row.getBoolean(6),
                        row.getString(7)));
            }
        }
    }

    private Optional<Kept> forgotten(Connection connection, String entityType, String entityId, Kept kept, String why)
            throws SQLException {
        LOG.warning(() -> "The kept replay state of " + entityType + " " + entityId + " at row "
                + kept.position().lastId() + " is not used: " + why + "; the entity's kept states are forgotten"
                + " and made again");
        forget(connection, entityType, entityId);
        return Optional.empty();
    }

    private static boolean writerOpenSince(Connection connection, OffsetDateTime keptAt) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WRITER_OPEN_SINCE)) {
            select.setObject(1, keptAt);
            try (ResultSet result = select.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static long rowsUpTo(Connection connection, String entityType, String entityId, long lastId)
            throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM entity_audit WHERE entity_type = ? AND entity_id = ? AND id <= ?")) {
            count.setString(1, entityType);
            count.setString(2, entityId);
            count.setLong(3, lastId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void settle(Connection connection, String entityType, String entityId, Stored stored) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE entity_replay_state SET settled = TRUE,"
                + " mac = ? WHERE entity_type = ? AND entity_id = ? AND last_id = ?")) {
            update.setString(1, mac(entityType, entityId, stored.kept(), stored.keptAt(), true));
            update.setString(2, entityType);
            update.setString(3, entityId);
            update.setLong(4, stored.kept().position().lastId());
            update.executeUpdate();
        }
    }

    /**
     * Keeps {@code states} of the entity, each only if the entity has exactly the rows it was made
     * from up to its position (a replay "as of" a moment may have left out a row whose clock was
     * late); one already kept at the same row stays as it is. A state settles at once when no
     * transaction that could still add a row up to it is open (PostgreSQL).
     */
    public void keep(String entityType, String entityId, List<Kept> states) {
        if (states.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = isPostgres(connection);
            // After every row the states were made from was read: a transaction that holds an id up
            // to a state's position began before this moment.
            OffsetDateTime keptAt = databaseClock(connection, postgres);
            boolean settled = postgres && !writerOpenSince(connection, keptAt);
            String columns = "(entity_type, entity_id, last_id, row_count, latest_occurred_at, state, kept_at, settled, mac)";
            String state = "SELECT CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128)), CAST(? AS BIGINT),"
                    + " CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BOOLEAN), CAST(? AS VARCHAR(64))"
                    + " WHERE (SELECT count(*) FROM entity_audit WHERE entity_type = ? AND entity_id = ? AND id <= ?) = ?";
            String sql = postgres
                    ? "INSERT INTO entity_replay_state " + columns + " " + state + " ON CONFLICT DO NOTHING"
                    : "MERGE INTO entity_replay_state " + columns + " KEY (entity_type, entity_id, last_id) " + state;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (Kept kept : states) {
                    var position = kept.position();
                    insert.setString(1, entityType);
                    insert.setString(2, entityId);
                    insert.setLong(3, position.lastId());
                    insert.setInt(4, position.rows());
                    insert.setObject(5, OffsetDateTime.ofInstant(position.latestOccurredAt(), ZoneOffset.UTC));
                    insert.setString(6, kept.state());
                    insert.setObject(7, keptAt);
                    insert.setBoolean(8, settled);
                    insert.setString(9, mac(entityType, entityId, kept, keptAt, settled));
                    insert.setString(10, entityType);
                    insert.setString(11, entityId);
                    insert.setLong(12, position.lastId());
                    insert.setLong(13, position.rows());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The replay states of " + entityType + " " + entityId
                    + " could not be kept: " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** The database's clock now (PostgreSQL's CURRENT_TIMESTAMP is the transaction's start, not now). */
    private static OffsetDateTime databaseClock(Connection connection, boolean postgres) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                postgres ? "SELECT clock_timestamp()" : "SELECT CURRENT_TIMESTAMP(6)");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getObject(1, OffsetDateTime.class);
        }
    }

    private static void forget(Connection connection, String entityType, String entityId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM entity_replay_state WHERE entity_type = ? AND entity_id = ?")) {
            delete.setString(1, entityType);
            delete.setString(2, entityId);
            delete.executeUpdate();
        }
    }

    /** The MAC of everything a kept state says, each field length-prefixed so that none can slide into another. */
    private String mac(String entityType, String entityId, Kept kept, OffsetDateTime keptAt, boolean settled) {
        var position = kept.position();
        StringBuilder text = new StringBuilder();
        for (String field : List.of(entityType, entityId, Long.toString(position.lastId()),
                Integer.toString(position.rows()), position.latestOccurredAt().toString(), kept.state(),
                keptAt.toInstant().toString(), Boolean.toString(settled))) {
            text.append(field.length()).append(':').append(field);
        }
        return HexFormat.of().formatHex(mac(macKey, text.toString()));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }
}
