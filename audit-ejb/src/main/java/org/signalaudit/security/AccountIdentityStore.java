package org.signalaudit.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.signalaudit.account.UserState;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.account.entity.UserAccount;

/**
 * Jakarta Security identity store over {@link UserAccount}: only ACTIVE users authenticate, and a
 * caller gets their role and every role below it as groups (USER &lt; ADMIN &lt; SUPERADMIN).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    PasswordHashing passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String password = login.getPasswordAsString();
        Optional<UserAccount> user = accounts.byUsername(login.getCaller());
        if (user.isEmpty()) {
            passwords.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        UserAccount account = user.get();
        if (!passwords.verify(password, account.passwordHash()) || account.state() != UserState.ACTIVE) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.username(), account.role().impliedRoles());
    }
}
