package org.signalaudit.account.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.signalaudit.account.Role;
import org.signalaudit.account.UnknownUserException;
import org.signalaudit.account.UserState;
import org.signalaudit.account.entity.UserAccount;

/** Finding and creating accounts; shared by the boundary, the bootstrap and the identity store. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext
    EntityManager em;

    public Optional<UserAccount> byUsername(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public UserAccount existing(String username) {
        return byUsername(username).orElseThrow(() -> new UnknownUserException(username));
    }

    public boolean anyWithRole(Role role) {
        return em.createNamedQuery(UserAccount.COUNT_BY_ROLE, Long.class)
                .setParameter("role", role)
                .getSingleResult() > 0;
    }

    /** The users still INVITED whose invitation was created before {@code before}, by username. */
    public List<String> invitedBefore(OffsetDateTime before) {
        return em.createQuery("SELECT u.username FROM UserAccount u WHERE u.state = :state AND u.createdAt < :before "
                        + "ORDER BY u.username", String.class)
                .setParameter("state", UserState.INVITED)
                .setParameter("before", before)
                .getResultList();
    }

    public void add(UserAccount user) {
        em.persist(user);
    }

    /** Writes pending changes now, so that conflicts surface inside the caller's method. */
    public void flush() {
        em.flush();
    }
}
