package org.signalaudit.audit.reader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.entity.EntityAuditEntry;
import org.signalaudit.signal.ChangeKind;

/** Reads {@code entity_audit}. */
@ApplicationScoped
public class EntityChangeReader extends AuditReader<EntityAuditEntry, EntityChangeView, EntityChangeQuery> {

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
     * The rows the filter keeps, oldest first, as much of each as a replay needs: no entity is
     * built per row, and {@code changes} stays text for {@link EntityReplay} to stream.
     */
    public List<EntityReplay.Row> replayRows(RowFilter<EntityAuditEntry> filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<EntityReplay.Row> query = cb.createQuery(EntityReplay.Row.class);
        Root<EntityAuditEntry> row = query.from(EntityAuditEntry.class);
        query.select(cb.construct(EntityReplay.Row.class, row.get("id"), row.get("action"), row.get("changes")))
                .where(criteria(cb, row, filter).predicates().toArray(Predicate[]::new))
                .orderBy(cb.asc(row.get("id")));
        return em.createQuery(query).getResultList();
    }

    /** One entity's rows written at or before the instant (null: all of them). */
    public static RowFilter<EntityAuditEntry> ofEntity(String type, String id, Instant asOf) {
        return where -> where.equal("entityType", type).equal("entityId", id).notAfter(asOf);
    }

    /**
     * Rows written at or before {@code asOf}, and the rows of the request {@code requestId} (when
     * there is one) written up to {@code until}: one change's rows, whose clocks differ a little.
     */
    public static RowFilter<EntityAuditEntry> upTo(Instant asOf, String requestId, Instant until) {
        return where -> {
            var cb = where.builder();
            var at = where.row().<OffsetDateTime>get("occurredAt");
            Predicate byTime = cb.lessThanOrEqualTo(at, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            where.add(requestId == null ? byTime : cb.or(byTime, cb.and(
                    cb.equal(where.row().get("requestId"), requestId),
                    cb.lessThanOrEqualTo(at, OffsetDateTime.ofInstant(until, ZoneOffset.UTC)))));
        };
    }

    private static Optional<ChangeKind> action(String name) {
        try {
            return Optional.of(ChangeKind.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
