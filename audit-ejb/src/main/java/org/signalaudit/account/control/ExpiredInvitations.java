package org.signalaudit.account.control;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.signal.Initiators;
import org.signalaudit.signal.TransactionInitiator;

/**
 * Deactivates one user whose invitation expired, in a transaction of its own, so that one
 * user's failure or lost race leaves the others' expiry alone.
 */
@Stateless
public class ExpiredInvitations {

    static final String INITIATOR = Initiators.system("invitation-expiry");

    @Inject
    Accounts accounts;

    @Inject
    StateTransitions transitions;

    @Inject
    TransactionInitiator initiator;

    /**
     * DEACTIVATEs {@code username} if it is still INVITED from before {@code invitedBefore}.
     * The flush checks the user's version: if another transaction changed the user since it was
     * read, this one rolls back (an {@code EJBException} to the caller) and writes nothing.
     *
     * @return whether this call deactivated the user
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deactivate(String username, OffsetDateTime invitedBefore, Duration ttl) {
        var user = accounts.byUsername(username).filter(found -> found.state() == UserState.INVITED)
                .filter(found -> found.createdAt().isBefore(invitedBefore));
        if (user.isEmpty()) {
            return false;
        }
        initiator.declare(INITIATOR);
        transitions.apply(user.get(), StateEvent.DEACTIVATE, INITIATOR, "invitation not accepted within " + ttl);
        accounts.flush();
        return true;
    }
}
