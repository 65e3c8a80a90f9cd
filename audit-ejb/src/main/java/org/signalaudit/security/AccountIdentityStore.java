package org.signalaudit.security;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.signalaudit.account.Role;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.SignInFailure;

/**
 * Jakarta Security identity store over {@link UserAccount}: only ACTIVE users authenticate, an
 * ADMIN or SUPERADMIN under a sign-in delay not even with the right password, and a
 * caller gets their role and every role below it as groups (USER &lt; ADMIN &lt; SUPERADMIN). It
 * notes why it refused in the request context, for the mechanism's {@code UserLoginFailed}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    LockoutPolicy lockout;

    @Inject
    SignInDelays delays;

    @Inject
    RequestContext request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String password = login.getPasswordAsString();
        Optional<UserAccount> user = isUsername(login.getCaller()) ? accounts.byUsername(login.getCaller())
                : Optional.empty();
        if (user.isEmpty()) {
            passwords.verifyDecoy(password);
            return refused(SignInFailure.UNKNOWN_USER);
        }
        UserAccount account = user.get();
        if (delayed(account)) {
            return refused(SignInFailure.DELAYED);
        }
        if (!passwords.verify(account.username(), password, account.passwordHash())) {
            return refused(SignInFailure.BAD_PASSWORD);
        }
        if (account.state() != UserState.ACTIVE) {
            return refused(SignInFailure.NOT_ACTIVE);
        }
        if (account.failedLogins() > 0) {
            lockout.succeeded(account.username());
        }
        return new CredentialValidationResult(account.username(), account.role().impliedRoles());
    }

    /**
     * Only an ADMIN or SUPERADMIN with failures since their last sign-in can be under a delay, so
     * every other sign-in costs no query. The password is not looked at: a guess during the delay
     * tests nothing.
     */
    private boolean delayed(UserAccount account) {
        return account.role() != Role.USER && account.failedLogins() > 0
                && delays.delayedUntil(account.username(), request.clientIp(), Instant.now()).isPresent();
    }

    /**
     * A name with a control character is nobody's (RFC 7617 forbids them in a user-id) and is not
     * looked up: PostgreSQL refuses U+0000 in a query, which made such a sign-in a 500.
     */
    static boolean isUsername(String caller) {
        return caller != null && caller.chars().noneMatch(Character::isISOControl);
    }

    private CredentialValidationResult refused(SignInFailure reason) {
        request.signInRefused(reason);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
