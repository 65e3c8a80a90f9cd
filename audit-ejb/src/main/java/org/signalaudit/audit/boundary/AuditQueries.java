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
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.entity.StateAuditEntry;

/**
 * Read side of the audit rows. Keyset pagination on the id (newest first), so a deep page costs
 * what the first one costs; the filters match the indexes of the migrations.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditQueries implements AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<StateChangeView> stateChanges(StateChangeQuery filter) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(StateAuditEntry.class);
        var row = query.from(StateAuditEntry.class);
        var where = new ArrayList<Predicate>();
        if (filter.username() != null) {
            where.add(cb.equal(row.get("username"), filter.username()));
        }
        if (filter.initiatedBy() != null) {
            where.add(cb.equal(row.get("initiatedBy"), filter.initiatedBy()));
        }
        if (filter.event() != null) {
            where.add(cb.equal(row.get("event"), filter.event()));
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
        List<StateChangeView> rows = em.createQuery(query).setMaxResults(filter.limit() + 1).getResultList()
                .stream().map(StateAuditEntry::toView).toList();
        if (rows.size() <= filter.limit()) {
            return new Page<>(rows, null);
        }
        List<StateChangeView> page = rows.subList(0, filter.limit());
        return new Page<>(page, Long.toString(page.get(page.size() - 1).id()));
    }
}
