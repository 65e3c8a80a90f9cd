package org.signalaudit.account.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.signalaudit.account.LastSuperadminException;
import org.signalaudit.account.Role;
import org.signalaudit.account.UserState;
import org.signalaudit.account.entity.UserAccount;

/**
 * The rule that administration can never be lost (issue 17): no change may leave the system
 * without an ACTIVE SUPERADMIN. {@link StateTransitions} asks it before every move, so the API,
 * the screens, the lockout policy and the operator's command line all get it.
 */
@ApplicationScoped
public class LastSuperadmin {

    /**
     * Every ACTIVE SUPERADMIN's row, locked in id order: two superadmins deactivating each other at
     * once queue here instead of both seeing the other still active; the second then sees the
     * first's change (PostgreSQL re-reads a locked row against the WHERE) and is refused.
     */
    private static final String ACTIVE_SUPERADMINS = "SELECT username FROM user_account "
            + "WHERE role = 'SUPERADMIN' AND state = 'ACTIVE' ORDER BY id FOR UPDATE";

    @PersistenceContext
    EntityManager em;

    /** Refuses moving {@code user} to {@code to} if it is the last ACTIVE SUPERADMIN. */
    public void guard(UserAccount user, UserState to) {
        if (user.role() != Role.SUPERADMIN || user.state() != UserState.ACTIVE || to == UserState.ACTIVE) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> active = em.createNativeQuery(ACTIVE_SUPERADMINS).getResultList();
        if (active.stream().noneMatch(other -> !other.equals(user.username()))) {
            throw new LastSuperadminException(user.username());
        }
    }
}
