package org.signalaudit.audit.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.signalaudit.account.Role;
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
import org.signalaudit.audit.reader.AuditReaders;
import org.signalaudit.query.Slice;

/**
 * Counted pages of the audit rows for the admin screens, newest first, through the readers of
 * {@code audit.reader}, and the dashboard's daily counts.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditSearches implements AuditSearch {

    /** A chart of more days than this is no longer a glance. */
    static final int MAX_DAYS = 90;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditReaders readers;

    @Override
    public Slice<StateChangeView> stateChanges(AuditFilter filter, int first, int max) {
        check(first, max);
        return readers.states().slice(filter, first, max);
    }

    @Override
    public Slice<EntityChangeView> entityChanges(AuditFilter filter, int first, int max) {
        check(first, max);
        return readers.entities().slice(filter, first, max);
    }

    @Override
    public Slice<RequestView> requests(AuditFilter filter, int first, int max) {
        check(first, max);
        return readers.requests().slice(filter, first, max);
    }

    @Override
    public Slice<LoginView> logins(AuditFilter filter, int first, int max) {
        check(first, max);
        return readers.logins().slice(filter, first, max);
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

    private static void check(int first, int max) {
        if (first < 0 || max < 1 || max > MAX_ROWS) {
            throw new IllegalArgumentException("first must not be negative and max between 1 and " + MAX_ROWS);
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
