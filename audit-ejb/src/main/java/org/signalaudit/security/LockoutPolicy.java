package org.signalaudit.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.StateTransitions;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.Initiators;
import org.signalaudit.signal.SignInFailure;
import org.signalaudit.signal.UserLoginFailed;

/**
 * Locks an ACTIVE account after {@code audit.lockout.max-failures} consecutive wrong passwords,
 * through the state machine, so the lock is audited like any transition (initiator
 * {@code system:lockout-policy}, the client's address). The count lives in the database and the
 * row is locked while it changes: concurrent failures on several instances all count. Each
 * failure commits on its own, so neither the count nor the lock is lost with the refused request.
 */
@ApplicationScoped
public class LockoutPolicy {

    static final String INITIATOR = Initiators.system("lockout-policy");

    @Inject
    @ConfigProperty(name = "audit.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @PersistenceContext
    EntityManager em;

    @Inject
    StateTransitions transitions;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) UserLoginFailed signal) {
        if (signal.reason() != SignInFailure.BAD_PASSWORD) {
            return;
        }
        UserAccount user = lockedRow(signal.attemptedUsername());
        if (user == null) {
            return;
        }
        int failures = user.recordFailedLogin();
        if (failures >= maxFailures && user.state() == UserState.ACTIVE) {
            transitions.apply(user, StateEvent.LOCK, INITIATOR, failures + " consecutive failed sign-ins");
        }
    }

    /** A successful sign-in ends the run of failures. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username) {
        UserAccount user = lockedRow(username);
        if (user != null) {
            user.resetFailedLogins();
        }
    }

    private UserAccount lockedRow(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
