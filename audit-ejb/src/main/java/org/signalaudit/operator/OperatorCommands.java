package org.signalaudit.operator;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.signalaudit.query.InvalidRequestException;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.NotPermittedException;
import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.control.Conflicts;
import org.signalaudit.account.control.Enrolment;
import org.signalaudit.account.control.PasswordHashing;
import org.signalaudit.account.control.StateTransitions;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.security.LockoutPolicy;
import org.signalaudit.signal.TransactionInitiator;

/**
 * The commands, one transaction each: the same controls as the account boundary (the state
 * machine with its last-superadmin rule, the enrolment, the password hashing), so their rows come
 * from the same signal and receivers. It runs as SUPERADMIN towards other components: the
 * operator on the host holds the server's configuration, which is more than any role.
 */
@Stateless
@RunAs(Role.SUPERADMIN_NAME)
public class OperatorCommands {

    static final String RECOVERED = "superadmin";
    static final int MINIMUM_PASSWORD_LENGTH = 12;

    @Inject
    Accounts accounts;

    @Inject
    StateTransitions transitions;

    @Inject
    Enrolment enrolment;

    @Inject
    PasswordHashing passwords;

    @Inject
    LockoutPolicy lockout;

    @Inject
    TransactionInitiator transactionInitiator;

    @Inject
    AuditIntegrity integrity;

    public UserState transition(OperatorCommand command) {
        StateEvent event = parse(StateEvent.class, command.argument(), "event");
        if (event == StateEvent.INVITE || event == StateEvent.OVERRIDE) {
            throw new InvalidRequestException(event + " is not a transition: use override <username> <STATE> --reason ...");
        }
        return change(command, user -> transitions.apply(user, event, OperatorCommand.INITIATOR, command.auditedReason()));
    }

    public UserState override(OperatorCommand command) {
        UserState state = parse(UserState.class, command.argument(), "state");
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidRequestException("An override needs --reason");
        }
        return change(command, user -> transitions.override(user, state, OperatorCommand.INITIATOR,
                command.auditedReason()));
    }

    /** One change of the named user, attributed to the command line, written before the answer. */
    private UserState change(OperatorCommand command, Consumer<UserAccount> change) {
        UserAccount user = accounts.existing(command.username());
        transactionInitiator.declare(OperatorCommand.INITIATOR);
        change.accept(user);
        Conflicts.flush(accounts, user.username());
        return user.state();
    }

    /**
     * Makes the named SUPERADMIN (default {@code superadmin}) ACTIVE with the new password, its
     * failures and sign-in delays forgotten, or creates it; each step is an ordinary audited change.
     */
    public UserState recoverSuperadmin(OperatorCommand command) {
        String password = command.newPassword().orElseThrow(() -> new InvalidRequestException(
                "recover-superadmin reads the new password from standard input or AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD"));
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new InvalidRequestException("The new password must have at least " + MINIMUM_PASSWORD_LENGTH
                    + " characters");
        }
        String username = command.username() == null || command.username().isBlank() ? RECOVERED : command.username();
        if (!username.matches(InviteUser.USERNAME)) {
            throw new InvalidRequestException(InviteUser.USERNAME_RULE);
        }
        String initiator = OperatorCommand.INITIATOR;
        transactionInitiator.declare(initiator);
        UserAccount user = accounts.byUsername(username).orElse(null);
        if (user == null) {
            user = enrolment.invite(username, username + "@localhost", Role.SUPERADMIN, initiator).user();
        } else if (user.role() != Role.SUPERADMIN) {
            throw new NotPermittedException("'" + username + "' is a " + user.role() + ", not a SUPERADMIN");
        }
        switch (user.state()) {
            case INVITED -> enrolment.accept(user, password, initiator, command.auditedReason());
            case LOCKED -> recover(user, StateEvent.UNLOCK, password, command);
            case DEACTIVATED -> recover(user, StateEvent.REACTIVATE, password, command);
            case ACTIVE -> user.setPasswordHash(passwords.hash(password));
        }
        Conflicts.flush(accounts, username);
        lockout.forgive(username);
        return user.state();
    }

    public IntegrityReport verify() {
        return integrity.verify();
    }

    private void recover(UserAccount user, StateEvent event, String password, OperatorCommand command) {
        user.setPasswordHash(passwords.hash(password));
        transitions.apply(user, event, OperatorCommand.INITIATOR, command.auditedReason());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + what + " '" + value + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
