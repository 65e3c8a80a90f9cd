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
 * (event stores keep snapshots for the same reason; docs/PERFORMANCE.md, run 11). Replays keep them
 * as they pass those positions ({@link EntityChangeReader#replay}).
 *
 * <p>A kept state is derived data, never evidence, and is used only when two checks pass:
 * <ul>
 * <li>the entity still has exactly the rows it was made from up to its position, counted in the same
 * statement that reads it. The audit tables are append-only, so the only ways that count changes
 * are a row committed late with a smaller id, or rows dropped by retention;</li>
 * <li>its MAC, an HMAC-SHA256 with a key derived from the seal key, which the database does not
 * hold: whoever can write this table cannot make an "as of" answer lie.</li>
 * </ul>
 * A state that fails either is forgotten, with the entity's others, and the replay starts from the
 * first row (and keeps new ones). Forgetting is always safe: the next replay makes them again.
 */
@ApplicationScoped
public class ReplayStates {

    /** Rows of one entity between two kept states: an "as of" replays at most this many. */
    public static final int EVERY = 500;

    private static final Logger LOG = Logger.getLogger(ReplayStates.class.getName());

    /** A state and the position it stands at. */
    public record Kept(EntityReplay.Position position, String state) {
    }

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
        String sql = "SELECT s.last_id, s.row_count, s.latest_occurred_at, s.state, s.mac,"
                + " (SELECT count(*) FROM entity_audit a WHERE a.entity_type = s.entity_type"
                + " AND a.entity_id = s.entity_id AND a.id <= s.last_id)"
                + " FROM entity_replay_state s WHERE s.entity_type = ? AND s.entity_id = ?"
                + (asOf == null ? "" : " AND s.latest_occurred_at <= ?")
                + " ORDER BY s.last_id DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            if (asOf != null) {
                select.setObject(3, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            }
            Kept kept;
            long rowsNow;
            String mac;
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                kept = new Kept(new EntityReplay.Position(row.getLong(1), row.getInt(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()), row.getString(4));
                mac = row.getString(5);
                rowsNow = row.getLong(6);
            }
            if (rowsNow == kept.position().rows() && MessageDigest.isEqual(
                    mac.getBytes(StandardCharsets.US_ASCII), mac(entityType, entityId, kept).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(kept);
            }
            LOG.warning(() -> "The kept replay state of " + entityType + " " + entityId + " at row "
                    + kept.position().lastId() + " is not used: " + (rowsNow != kept.position().rows()
                            ? "the entity has " + rowsNow + " rows up to it, not " + kept.position().rows()
                            : "its MAC does not check (another seal key, or written by hand)")
                    + "; the entity's kept states are forgotten and made again");
            forget(connection, entityType, entityId);
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("The kept replay states of " + entityType + " " + entityId
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps {@code states} of the entity, each only if the entity has exactly the rows it was made
     * from up to its position (a replay "as of" a moment may have left out a row whose clock was
     * late); one already kept at the same row stays as it is.
     */
    public void keep(String entityType, String entityId, List<Kept> states) {
        if (states.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            String columns = "(entity_type, entity_id, last_id, row_count, latest_occurred_at, state, mac)";
            String state = "SELECT CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128)), CAST(? AS BIGINT),"
                    + " CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR), CAST(? AS VARCHAR(64))"
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
                    insert.setString(7, mac(entityType, entityId, kept));
                    insert.setString(8, entityType);
                    insert.setString(9, entityId);
                    insert.setLong(10, position.lastId());
                    insert.setLong(11, position.rows());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The replay states of " + entityType + " " + entityId
                    + " could not be kept: " + e.getMessage(), e);
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
    private String mac(String entityType, String entityId, Kept kept) {
        var position = kept.position();
        StringBuilder text = new StringBuilder();
        for (String field : List.of(entityType, entityId, Long.toString(position.lastId()),
                Integer.toString(position.rows()), position.latestOccurredAt().toString(), kept.state())) {
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
