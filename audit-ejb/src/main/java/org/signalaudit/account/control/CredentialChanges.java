package org.signalaudit.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.EntityChanged;
import org.signalaudit.signal.UserStateChanged;

/**
 * A user whose password, state or role changed loses their remembered verification on every
 * instance ({@link PasswordHashing#forget}), once the change committed: the identity store reads
 * state and role from the database anyway, so this is the belt to those braces, and a changed
 * password never matched the old entry. Any committed change of the account counts (the entity
 * signal names the account by its username); one more PBKDF2 verification is all it costs.
 */
@ApplicationScoped
public class CredentialChanges {

    static final String ACCOUNT_TYPE = UserAccount.class.getSimpleName();

    @Inject
    PasswordHashing passwords;

    void stateChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserStateChanged change) {
        passwords.forget(change.username());
    }

    void accountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (ACCOUNT_TYPE.equals(change.entityType()) && change.phase() == ChangePhase.POST && change.entityId() != null) {
            passwords.forget(change.entityId());
        }
    }
}
