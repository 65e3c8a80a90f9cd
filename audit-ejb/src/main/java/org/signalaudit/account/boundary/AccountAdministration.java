package org.signalaudit.account.boundary;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

import org.signalaudit.account.AcceptInvitation;
import org.signalaudit.account.InvalidInvitationException;
import org.signalaudit.query.InvalidRequestException;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.InvitedUser;
import org.signalaudit.account.NotPermittedException;
import org.signalaudit.account.OverrideState;
import org.signalaudit.query.Page;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.account.Role;
import org.signalaudit.account.StaleVersionException;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.control.Conflicts;
import org.signalaudit.account.control.Enrolment;
import org.signalaudit.account.control.StateTransitions;
import org.signalaudit.account.entity.UserAccount;

/**
 * The account boundary: role checks, then one transaction per call that changes the user and
 * writes its audit row together (the receiver runs inside this transaction).
 */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.ADMIN_NAME, Role.SUPERADMIN_NAME})
public class AccountAdministration implements UserAccounts {

    @Resource
    SessionContext caller;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Enrolment enrolment;

    @Inject
    StateTransitions transitions;

    @Override
    @RolesAllowed(Role.ADMIN_NAME)
    public InvitedUser invite(InviteUser command) {
        if (command.role() != Role.USER && !caller.isCallerInRole(Role.SUPERADMIN_NAME)) {
            throw new NotPermittedException("Only a SUPERADMIN may invite a user with role " + command.role());
        }
        Enrolment.Invited invited = enrolment.invite(command.username(), command.email(), command.role(), callerName());
        Conflicts.flush(accounts, command.username());
        return InvitedUser.of(invited.user().toView(), invited.token());
    }

    @Override
    @RolesAllowed(Role.ADMIN_NAME)
    public Page<UserView> list(UserState state, int limit, String after) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(UserAccount.class);
        var user = query.from(UserAccount.class);
        var where = new ArrayList<Predicate>();
        if (state != null) {
            where.add(cb.equal(user.get("state"), state));
        }
        if (after != null) {
            where.add(cb.greaterThan(user.get("username"), after));
        }
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.asc(user.get("username")));
        List<UserView> rows = em.createQuery(query).setMaxResults(limit + 1).getResultList().stream().map(UserAccount::toView).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<UserView> page = rows.subList(0, limit);
        return new Page<>(page, page.get(limit - 1).username());
    }

    @Override
    @RolesAllowed(Role.USER_NAME)
    public UserView find(String username) {
        if (!caller.isCallerInRole(Role.ADMIN_NAME) && !callerName().equals(username)) {
            throw new NotPermittedException("A USER may only read their own account");
        }
        return accounts.existing(username).toView();
    }

    @Override
    @RolesAllowed(Role.ADMIN_NAME)
    public UserView transition(String username, RequestTransition command, Long expectedVersion) {
        if (command.event() == StateEvent.INVITE || command.event() == StateEvent.OVERRIDE) {
            throw new InvalidRequestException(command.event() + " is not a transition: invite with POST /users, "
                    + "override with PUT /users/{username}/state");
        }
        UserAccount user = current(username, expectedVersion);
        // As with invitations: an ADMIN acts on USER accounts only, or one administrator could lock
        // out every other, the superadmin included.
        if (user.role() != Role.USER && !caller.isCallerInRole(Role.SUPERADMIN_NAME)) {
            throw new NotPermittedException("Only a SUPERADMIN may change the state of a user with role " + user.role());
        }
        transitions.apply(user, command.event(), callerName(), command.reason());
        Conflicts.flush(accounts, username, expectedVersion);
        return user.toView();
    }

    @Override
    @RolesAllowed(Role.SUPERADMIN_NAME)
    public UserView override(String username, OverrideState command, Long expectedVersion) {
        UserAccount user = current(username, expectedVersion);
        transitions.override(user, command.state(), callerName(), command.reason());
        Conflicts.flush(accounts, username, expectedVersion);
        return user.toView();
    }

    @Override
    @PermitAll
    public UserView acceptInvitation(AcceptInvitation command) {
        UserAccount user = accounts.byUsername(command.username())
                .filter(candidate -> candidate.state() == UserState.INVITED)
                .filter(candidate -> enrolment.tokenMatches(candidate, command.token()))
                .orElseThrow(InvalidInvitationException::new);
        // The invited user accepts for themself: they are the initiator, even though anonymous.
        enrolment.accept(user, command.password(), user.username());
        Conflicts.flush(accounts, user.username());
        return user.toView();
    }

    private UserAccount current(String username, Long expectedVersion) {
        UserAccount user = accounts.existing(username);
        if (expectedVersion != null && expectedVersion != user.version()) {
            throw new StaleVersionException(username, expectedVersion, user.version());
        }
        return user;
    }

    private String callerName() {
        return caller.getCallerPrincipal().getName();
    }
}
