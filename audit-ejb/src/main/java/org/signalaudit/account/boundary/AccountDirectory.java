package org.signalaudit.account.boundary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.query.Slice;
import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserProfile;
import org.signalaudit.account.UserSearch;
import org.signalaudit.account.SignInDelayView;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.control.StateMachine;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.security.SignInDelays;
import org.signalaudit.store.Slices;

/**
 * Read side of the accounts for the admin screens. Every caller here is at least ADMIN, and an
 * ADMIN may apply every event of the transition table, so the legal events are the table's edges
 * from the current state; only a SUPERADMIN may override.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AccountDirectory implements UserDirectory {

    @Resource
    SessionContext caller;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    SignInDelays delays;

    @Override
    public Slice<UserView> search(UserSearch search) {
        return Slices.of(em, UserAccount.class, (cb, user) -> filter(cb, user, search),
                (cb, user) -> order(cb, user, search), search.first(), search.max(), UserAccount::toView);
    }

    @Override
    public UserProfile profile(String username) {
        UserAccount account = accounts.existing(username);
        UserView user = account.toView();
        boolean superadmin = caller.isCallerInRole(Role.SUPERADMIN_NAME);
        // The transitions the caller may apply: an ADMIN changes USER accounts only (AccountAdministration).
        var transitions = superadmin || user.role() == Role.USER ? StateMachine.eventsFrom(user.state())
                : EnumSet.noneOf(StateEvent.class);
        return new UserProfile(user, List.copyOf(user.role().impliedRoles()), account.groupNames(), transitions,
                superadmin);
    }

    @Override
    public List<SignInDelayView> signInDelays() {
        return delays.withFailures().stream()
                .map(delay -> new SignInDelayView(delay.username(), delay.everyAddress() ? null : delay.clientIp(),
                        delay.failures(), delay.delayedUntil()))
                .toList();
    }

    @Override
    public Map<UserState, Long> countByState() {
        var counts = new EnumMap<UserState, Long>(UserState.class);
        for (UserState state : UserState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("SELECT u.state, COUNT(u) FROM UserAccount u GROUP BY u.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((UserState) row[0], (Long) row[1]));
        return counts;
    }

    private static List<Predicate> filter(CriteriaBuilder cb, Root<UserAccount> user, UserSearch search) {
        var where = new ArrayList<Predicate>();
        if (search.name() != null) {
            String pattern = Slices.containing(search.name().toLowerCase(Locale.ROOT));
            where.add(cb.or(cb.like(cb.lower(user.get("username")), pattern, Slices.LIKE_ESCAPE),
                    cb.like(cb.lower(user.get("email")), pattern, Slices.LIKE_ESCAPE)));
        }
        if (search.state() != null) {
            where.add(cb.equal(user.get("state"), search.state()));
        }
        if (search.role() != null) {
            where.add(cb.equal(user.get("role"), search.role()));
        }
        return where;
    }

    private static List<Order> order(CriteriaBuilder cb, Root<UserAccount> user, UserSearch search) {
        Expression<?> column = user.get(search.sort().name().toLowerCase(Locale.ROOT));
        Order primary = search.descending() ? cb.desc(column) : cb.asc(column);
        return List.of(primary, cb.asc(user.get("username")));
    }
}
