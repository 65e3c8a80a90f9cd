package org.signalaudit.audit.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.account.Role;
import org.signalaudit.account.Slice;
import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.Activity;
import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.AuditSearch;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.entity.EntityAuditEntry;
import org.signalaudit.audit.entity.LoginAuditEntry;
import org.signalaudit.audit.entity.RequestAuditEntry;
import org.signalaudit.audit.entity.StateAuditEntry;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.store.Slices;

/**
 * Counted pages of the audit rows for the admin screens, newest first, and the dashboard's daily
 * counts. The filters use the indexes of the migrations (who, request id, time); the free-text
 * "what" of the request trail scans, which a screen used by a few administrators can afford.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditSearches implements AuditSearch {

    /** A chart of more days than this is no longer a glance. */
    static final int MAX_DAYS = 90;

    @PersistenceContext
    EntityManager em;

    @Override
    public Slice<StateChangeView> stateChanges(AuditFilter filter, int first, int max) {
        return slice(StateAuditEntry.class, filter, first, max, StateAuditEntry::toView, (cb, row, where) -> {
            if (filter.who() != null) {
                where.add(cb.or(cb.equal(row.get("initiatedBy"), filter.who()),
                        cb.equal(row.get("username"), filter.who())));
            }
            if (filter.what() != null) {
                where.add(event(filter.what()).map(event -> cb.equal(row.get("event"), event)).orElse(cb.disjunction()));
            }
        });
    }

    @Override
    public Slice<EntityChangeView> entityChanges(AuditFilter filter, int first, int max) {
        return slice(EntityAuditEntry.class, filter, first, max, EntityAuditEntry::toView, (cb, row, where) -> {
            if (filter.who() != null) {
                where.add(cb.or(cb.equal(row.get("initiatedBy"), filter.who()),
                        cb.equal(row.get("entityId"), filter.who())));
            }
            if (filter.what() != null) {
                Predicate type = cb.equal(cb.lower(row.get("entityType")), filter.what().toLowerCase(Locale.ROOT));
                where.add(action(filter.what()).map(action -> cb.or(type, cb.equal(row.get("action"), action)))
                        .orElse(type));
            }
        });
    }

    @Override
    public Slice<RequestView> requests(AuditFilter filter, int first, int max) {
        return slice(RequestAuditEntry.class, filter, first, max, RequestAuditEntry::toView, (cb, row, where) -> {
            if (filter.who() != null) {
                where.add(cb.equal(row.get("actor"), filter.who()));
            }
            if (filter.what() != null) {
                where.add(cb.like(cb.lower(row.get("summary")),
                        Slices.containing(filter.what().toLowerCase(Locale.ROOT)), Slices.LIKE_ESCAPE));
            }
        });
    }

    @Override
    public Slice<LoginView> logins(AuditFilter filter, int first, int max) {
        return slice(LoginAuditEntry.class, filter, first, max, LoginAuditEntry::toView, (cb, row, where) -> {
            if (filter.who() != null) {
                where.add(cb.equal(row.get("username"), filter.who()));
            }
            if (filter.what() != null) {
                String what = filter.what().toUpperCase(Locale.ROOT);
                where.add(cb.or(cb.equal(row.get("event"), what), cb.equal(row.get("reason"), what)));
            }
        });
    }

    @Override
    public Activity activity(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> range = today.minusDays(days - 1L).datesUntil(today.plusDays(1)).toList();
        return new Activity(range, List.of(
                new Activity.Series("State changes", perDay(StateAuditEntry.class, range)),
                new Activity.Series("Entity changes", perDay(EntityAuditEntry.class, range)),
                new Activity.Series("Logins", perDay(LoginAuditEntry.class, range)),
                new Activity.Series("Requests", perDay(RequestAuditEntry.class, range))));
    }

    /** One indexed count per day: portable across PostgreSQL and H2, exact on UTC days. */
    private List<Long> perDay(Class<?> entity, List<LocalDate> days) {
        var counts = new ArrayList<Long>();
        for (LocalDate day : days) {
            counts.add(em.createQuery("SELECT COUNT(e) FROM " + entity.getSimpleName()
                            + " e WHERE e.occurredAt >= :from AND e.occurredAt < :to", Long.class)
                    .setParameter("from", startOf(day))
                    .setParameter("to", startOf(day.plusDays(1)))
                    .getSingleResult());
        }
        return counts;
    }

    /** The filters one table understands, added to those every audit table shares. */
    @FunctionalInterface
    private interface Specific<E> {
        void add(CriteriaBuilder cb, Root<E> row, List<Predicate> where);
    }

    private <E, V> Slice<V> slice(Class<E> entity, AuditFilter filter, int first, int max, Function<E, V> view,
                                  Specific<E> specific) {
        if (first < 0 || max < 1 || max > MAX_ROWS) {
            throw new IllegalArgumentException("first must not be negative and max between 1 and " + MAX_ROWS);
        }
        return Slices.of(em, entity, (cb, row) -> {
            var where = new ArrayList<Predicate>();
            if (filter.requestId() != null) {
                where.add(cb.equal(row.get("requestId"), filter.requestId()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(row.get("occurredAt"), OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(row.get("occurredAt"), OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC)));
            }
            specific.add(cb, row, where);
            return where;
        }, AuditSearches::newestFirst, first, max, view);
    }

    private static <E> List<Order> newestFirst(CriteriaBuilder cb, Root<E> row) {
        return List.of(cb.desc(row.get("id")));
    }

    private static Optional<ChangeKind> action(String name) {
        try {
            return Optional.of(ChangeKind.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<StateEvent> event(String name) {
        try {
            return Optional.of(StateEvent.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
