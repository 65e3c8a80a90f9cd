package org.signalaudit.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UsernameTakenException;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.TransactionInitiator;

/**
 * How an account comes to be: an invitation (INVITE, audited as the creation) and its acceptance
 * (ACTIVATE). The API, the bootstrap and the demo seed all enrol users through here.
 */
@ApplicationScoped
public class Enrolment {

    @Inject
    Accounts accounts;

    @Inject
    InvitationTokens tokens;

    @Inject
    PasswordHashing passwords;

    @Inject
    StateTransitions transitions;

    @Inject
    TransactionInitiator transactionInitiator;

    /** The new account and the one clear copy of its invitation token. */
    public record Invited(UserAccount user, String token) {
    }

    public Invited invite(String username, String email, Role role, String initiator) {
        // The entity audit names the same initiator as the state audit, also outside a request.
        transactionInitiator.declare(initiator);
        if (accounts.byUsername(username).isPresent()) {
            throw new UsernameTakenException(username);
        }
        String token = tokens.newToken();
        UserAccount user = new UserAccount(username, email, role, tokens.hash(token));
        accounts.add(user);
        transitions.created(user, initiator);
        return new Invited(user, token);
    }

    /** Sets the password, burns the token and activates the account through the state machine. */
    public void accept(UserAccount user, String password, String initiator) {
        accept(user, password, initiator, "invitation accepted");
    }

    /** The same, for an operator who activates on the owner's behalf and says why. */
    public void accept(UserAccount user, String password, String initiator, String reason) {
        transactionInitiator.declare(initiator);
        user.acceptInvitation(passwords.hash(password));
        transitions.apply(user, StateEvent.ACTIVATE, initiator, reason);
    }

    public boolean tokenMatches(UserAccount user, String token) {
        return tokens.matches(token, user.invitationTokenHash());
    }
}
