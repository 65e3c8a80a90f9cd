package org.signalaudit.audit.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.account.Page;
import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.entity.EntityAuditEntry;
import org.signalaudit.audit.entity.LoginAuditEntry;
import org.signalaudit.audit.entity.RequestAuditEntry;
import org.signalaudit.audit.entity.StateAuditEntry;

/**
 * Read side of the audit rows. Keyset pagination on the id (newest first), so a deep page costs
 * what the first one costs; the filters match the indexes of the migrations.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditQueries implements AuditTrail {

    /** A request writes a handful of rows; this bounds the correlation answer all the same. */
    static final int CORRELATION_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<StateChangeView> stateChanges(StateChangeQuery filter) {
        var q = new Filter<>(StateAuditEntry.class);
        q.equal("username", filter.username());
        q.equal("initiatedBy", filter.initiatedBy());
        q.equal("event", filter.event());
        q.period(filter.from(), filter.to());
        return q.page(filter.after(), filter.limit(), StateAuditEntry::toView, StateChangeView::id);
    }

    @Override
    public Page<RequestView> requests(RequestQuery filter) {
        var q = new Filter<>(RequestAuditEntry.class);
        q.equal("actor", filter.actor());
        q.equal("status", filter.status());
        q.prefix("path", filter.path());
        q.period(filter.from(), filter.to());
        return q.page(filter.after(), filter.limit(), RequestAuditEntry::toView, RequestView::id);
    }

    @Override
    public Page<LoginView> logins(LoginQuery filter) {
        var q = new Filter<>(LoginAuditEntry.class);
        q.equal("username", filter.username());
        q.equal("event", filter.event());
        q.period(filter.from(), filter.to());
        return q.page(filter.after(), filter.limit(), LoginAuditEntry::toView, LoginView::id);
    }

    @Override
    public Optional<RequestDetail> request(String requestId) {
        var request = byRequestId(RequestAuditEntry.class, requestId, RequestAuditEntry::toView);
        var states = byRequestId(StateAuditEntry.class, requestId, StateAuditEntry::toView);
        var entities = byRequestId(EntityAuditEntry.class, requestId, EntityAuditEntry::toView);
        var logins = byRequestId(LoginAuditEntry.class, requestId, LoginAuditEntry::toView);
        if (request.isEmpty() && states.isEmpty() && entities.isEmpty() && logins.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RequestDetail(request.isEmpty() ? null : request.get(0), states, entities, logins));
    }

    /** Every row of one audit table that carries the request id, in the order written. */
    private <E, V> List<V> byRequestId(Class<E> entity, String requestId, Function<E, V> view) {
        var q = new Filter<>(entity);
        q.equal("requestId", requestId);
        q.query.orderBy(q.cb.asc(q.row.get("id")));
        return em.createQuery(q.query.where(q.where.toArray(Predicate[]::new)))
                .setMaxResults(CORRELATION_LIMIT)
                .getResultStream().map(view).toList();
    }

    /** A criteria query over one audit table, built from the optional filters of a request. */
    private final class Filter<E> {

        final CriteriaBuilder cb = em.getCriteriaBuilder();
        final CriteriaQuery<E> query;
        final Root<E> row;
        final List<Predicate> where = new ArrayList<>();

        Filter(Class<E> entity) {
            query = cb.createQuery(entity);
            row = query.from(entity);
        }

        void equal(String attribute, Object value) {
            if (value != null) {
                where.add(cb.equal(row.get(attribute), value));
            }
        }

        void prefix(String attribute, String value) {
            if (value != null) {
                String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                where.add(cb.like(row.get(attribute), escaped + "%", '\\'));
            }
        }

        void period(Instant from, Instant to) {
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(row.get("occurredAt"), OffsetDateTime.ofInstant(from, ZoneOffset.UTC)));
            }
            if (to != null) {
                where.add(cb.lessThan(row.get("occurredAt"), OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
            }
        }

        /** Newest first; fetches one row more than the page to know whether another follows. */
        <V> Page<V> page(Long after, int limit, Function<E, V> view, ToLongFunction<V> id) {
            if (after != null) {
                where.add(cb.lessThan(row.get("id"), after));
            }
            query.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(row.get("id")));
            List<V> rows = em.createQuery(query).setMaxResults(limit + 1).getResultStream().map(view).toList();
            if (rows.size() <= limit) {
                return new Page<>(rows, null);
            }
            List<V> page = rows.subList(0, limit);
            return new Page<>(page, Long.toString(id.applyAsLong(page.get(limit - 1))));
        }
    }
}
