package org.signalaudit.audit.reader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.Predicate;

import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.entity.EntityAuditEntry;
import org.signalaudit.signal.ChangeKind;

/** Reads {@code entity_audit}. */
@ApplicationScoped
public class EntityChangeReader extends AuditReader<EntityAuditEntry, EntityChangeView, EntityChangeQuery> {

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Inject
    ReplayStates states;

    public EntityChangeReader() {
        super(EntityAuditEntry.class);
    }

    @Override
    protected EntityChangeView view(EntityAuditEntry row) {
        return row.toView();
    }

    @Override
    protected long id(EntityChangeView view) {
        return view.id();
    }

    @Override
    protected RowFilter<EntityAuditEntry> filter(EntityChangeQuery query) {
        return where -> where.equal("entityType", query.entityType())
                .equal("entityId", query.entityId())
                .equal("initiatedBy", query.initiatedBy())
                .equal("requestId", query.requestId())
                .period(query.from(), query.to());
    }

    /** Who is the initiator or the entity's key; what is an entity type or an action. */
    @Override
    protected RowFilter<EntityAuditEntry> filter(AuditFilter filter) {
        return where -> {
            where.equalEither("initiatedBy", "entityId", filter.who())
                    .equal("requestId", filter.requestId())
                    .period(filter.from(), filter.to());
            if (filter.what() != null) {
                var cb = where.builder();
                Predicate type = cb.equal(cb.lower(where.row().get("entityType")), filter.what().toLowerCase(Locale.ROOT));
                where.add(action(filter.what()).map(action -> cb.or(type, cb.equal(where.row().get("action"), action)))
                        .orElse(type));
            }
        };
    }

    /**
     * Which of one entity's rows a replay takes: those written at or before {@code asOf} (null: all
     * of them), and the rows of the request {@code requestId} (when there is one) written up to
     * {@code requestUntil}: one change's rows, whose clocks differ a little.
     */
    public record Replayed(String entityType, String entityId, Instant asOf, String requestId, Instant requestUntil) {

        public static Replayed asOf(String entityType, String entityId, Instant asOf) {
            return new Replayed(entityType, entityId, asOf, null, null);
        }
    }

    /**
     * The replay of the rows {@code which} selects, resumed from the latest kept state that they
     * include, keeping a state every {@link ReplayStates#EVERY} rows as it goes.
     */
    public EntityReplay replay(Replayed which) {
        Optional<ReplayStates.Kept> kept = states.latest(which.entityType(), which.entityId(), which.asOf());
        EntityReplay replay = kept.map(state -> EntityReplay.resume(state.position(), state.state()))
                .orElseGet(EntityReplay::fromTheStart);
        List<ReplayStates.Kept> passed = new ArrayList<>();
        replay.apply(replayRows(which, kept.map(state -> state.position().lastId()).orElse(Long.MIN_VALUE)),
                ReplayStates.EVERY, (position, state) -> passed.add(new ReplayStates.Kept(position, state)));
        states.keep(which.entityType(), which.entityId(), passed);
        return replay;
    }

    /**
     * The rows to replay after the row {@code afterId}, oldest first, as much of each as a replay needs, read with plain JDBC on the
     * index (type, key, id): an entity may have thousands of rows, and EclipseLink's result rows cost
     * more than their reading and parsing together (docs/PERFORMANCE.md, run 8). {@code changes}
     * stays text for {@link EntityReplay} to stream.
     */
    List<EntityReplay.Row> replayRows(Replayed which, long afterId) {
        StringBuilder sql = new StringBuilder("SELECT id, action, occurred_at, changes FROM entity_audit"
                + " WHERE entity_type = ? AND entity_id = ? AND id > ?");
        List<Object> parameters = new ArrayList<>(List.of(which.entityType(), which.entityId(), afterId));
        if (which.asOf() != null) {
            sql.append(" AND (occurred_at <= ?");
            parameters.add(OffsetDateTime.ofInstant(which.asOf(), ZoneOffset.UTC));
            if (which.requestId() != null) {
                sql.append(" OR (request_id = ? AND occurred_at <= ?)");
                parameters.add(which.requestId());
                parameters.add(OffsetDateTime.ofInstant(which.requestUntil(), ZoneOffset.UTC));
            }
            sql.append(')');
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.append(" ORDER BY id").toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<EntityReplay.Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new EntityReplay.Row(result.getLong(1), ChangeKind.valueOf(result.getString(2)),
                            result.getObject(3, OffsetDateTime.class).toInstant(), result.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("The audit rows of " + which.entityType() + " " + which.entityId()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Optional<ChangeKind> action(String name) {
        try {
            return Optional.of(ChangeKind.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
