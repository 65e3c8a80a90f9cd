package org.signalaudit.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.signalaudit.account.IllegalTransitionException;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.UserStateChanged;

/**
 * The only code that changes a user's state. Each path (creation, a table transition, the
 * superadmin override) fires the same {@link UserStateChanged} signal synchronously, inside the
 * caller's transaction, so the audit receiver's row commits or rolls back with the change.
 * Every move first passes {@link LastSuperadmin}: none may leave the system without an ACTIVE
 * SUPERADMIN.
 */
@ApplicationScoped
public class StateTransitions {

    @Inject
    Event<UserStateChanged> stateChanged;

    @Inject
    LastSuperadmin lastSuperadmin;

    /** Signals the creation of an account that is already persisted as INVITED. */
    public void created(UserAccount user, String initiator) {
        stateChanged.fire(new UserStateChanged(user.username(), null, user.state(), StateEvent.INVITE, initiator,
                null));
    }

    /** Applies one edge of the table or refuses with {@link IllegalTransitionException}. */
    public void apply(UserAccount user, StateEvent event, String initiator, String reason) {
        UserState from = user.state();
        UserState to = StateMachine.target(from, event)
                .orElseThrow(() -> new IllegalTransitionException(user.username(), from, event));
        move(user, from, to, event, initiator, reason);
    }

    /**
     * Moves the user to any state. A move to the state the user already has changes nothing and
     * signals nothing: only real changes are audited.
     *
     * @return whether the state changed
     */
    public boolean override(UserAccount user, UserState to, String initiator, String reason) {
        UserState from = user.state();
        if (from == to) {
            return false;
        }
        move(user, from, to, StateEvent.OVERRIDE, initiator, reason);
        return true;
    }

    private void move(UserAccount user, UserState from, UserState to, StateEvent event, String initiator,
                      String reason) {
        lastSuperadmin.guard(user, to);
        user.changeState(to);
        stateChanged.fire(new UserStateChanged(user.username(), from, to, event, initiator, reason));
    }
}
