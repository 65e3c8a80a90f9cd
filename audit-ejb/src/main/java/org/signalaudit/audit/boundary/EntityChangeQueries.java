package org.signalaudit.audit.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

import org.signalaudit.account.Page;
import org.signalaudit.account.Role;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.entity.EntityAuditEntry;

/**
 * Read side of {@code entity_audit}. Keyset pagination on the id (newest first), the filters
 * matching the indexes of the migration.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class EntityChangeQueries implements EntityChangeLog {

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<EntityChangeView> entityChanges(EntityChangeQuery filter) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(EntityAuditEntry.class);
        var row = query.from(EntityAuditEntry.class);
        var where = new ArrayList<Predicate>();
        if (filter.entityType() != null) {
            where.add(cb.equal(row.get("entityType"), filter.entityType()));
        }
        if (filter.entityId() != null) {
            where.add(cb.equal(row.get("entityId"), filter.entityId()));
        }
        if (filter.initiatedBy() != null) {
            where.add(cb.equal(row.get("initiatedBy"), filter.initiatedBy()));
        }
        if (filter.requestId() != null) {
            where.add(cb.equal(row.get("requestId"), filter.requestId()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(row.get("occurredAt"), OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(row.get("occurredAt"), OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC)));
        }
        if (filter.after() != null) {
            where.add(cb.lessThan(row.get("id"), filter.after()));
        }
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(row.get("id")));
        List<EntityChangeView> rows = em.createQuery(query).setMaxResults(filter.limit() + 1).getResultList()
                .stream().map(EntityAuditEntry::toView).toList();
        if (rows.size() <= filter.limit()) {
            return new Page<>(rows, null);
        }
        List<EntityChangeView> page = rows.subList(0, filter.limit());
        return new Page<>(page, Long.toString(page.get(page.size() - 1).id()));
    }
}
