package org.signalaudit.security;

import java.time.Instant;

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
import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.StateTransitions;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.Initiators;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.SignInFailure;
import org.signalaudit.signal.TransactionInitiator;
import org.signalaudit.signal.UserLoginFailed;

/**
 * For a USER account: locks an ACTIVE account after {@code audit.lockout.max-failures} consecutive wrong passwords,
 * through the state machine, so the lock is audited like any transition (initiator
 * {@code system:lockout-policy}, the client's address). The count lives in the database and the
 * row is locked while it changes: concurrent failures on several instances all count. Each
 * failure commits on its own, so neither the count nor the lock is lost with the refused request.
 * <p>
 * ADMIN and SUPERADMIN accounts are never locked by failures: one anonymous client could take the
 * whole administration away (issue 17). Their failures impose a growing, bounded sign-in delay
 * instead ({@link SignInDelays}).
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

    @Inject
    SignInDelays delays;

    @Inject
    RequestContext request;

    @Inject
    TransactionInitiator transactionInitiator;

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
        if (user.role() != Role.USER) {
            // The delay's entity_audit rows name the policy, as its LOCK rows do.
            transactionInitiator.declare(INITIATOR);
            delays.failed(user.username(), request.isOpen() ? request.clientIp() : null, Instant.now());
            return;
        }
        if (failures >= maxFailures && user.state() == UserState.ACTIVE) {
            transitions.apply(user, StateEvent.LOCK, INITIATOR, failures + " consecutive failed sign-ins");
        }
    }

    /** A successful sign-in ends the run of failures, and every sign-in delay of the account. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username) {
        transactionInitiator.declare(username);
        forget(username);
    }

    /** An operator recovered the account: the same, in the operator's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgive(String username) {
        forget(username);
    }

    private void forget(String username) {
        UserAccount user = lockedRow(username);
        if (user != null) {
            user.resetFailedLogins();
            delays.reset(username);
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
