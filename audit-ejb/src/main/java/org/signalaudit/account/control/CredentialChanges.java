package org.signalaudit.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.EntityChanged;

/**
 * A user whose password, state or role changed loses their remembered verification on every
 * instance ({@link PasswordHashing#forget}), once the change committed: the identity store reads
 * state and role from the database anyway, so this is the belt to those braces, and a changed
 * password never matched the old entry. Any committed change of the account counts (the entity
 * signal names the account by its username); one more PBKDF2 verification is all it costs.
 *
 * <p>The entity signal alone: a change of state is an update of the account too
 * ({@link StateTransitions} changes the managed entity, whose {@code state} is audited), so
 * listening to the state signal as well removed the same entry twice per transition, and each
 * removal is a network operation of the data grid once another member owns the key
 * (docs/PERFORMANCE.md, run 21).
 */
@ApplicationScoped
public class CredentialChanges {

    static final String ACCOUNT_TYPE = UserAccount.class.getSimpleName();

    @Inject
    PasswordHashing passwords;

    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (ACCOUNT_TYPE.equals(change.entityType()) && change.phase() == ChangePhase.POST && change.entityId() != null) {
            passwords.forget(change.entityId());
        }
    }
}
