package org.signalaudit.account;

import org.signalaudit.query.Page;

/**
 * The account boundary as the web tier sees it. Every method enforces its own role rules on the
 * server; every change of state goes through the one state machine and fires one
 * {@link org.signalaudit.signal.UserStateChanged}.
 */
public interface UserAccounts {

    /** ADMIN may invite a USER; SUPERADMIN any role. */
    InvitedUser invite(InviteUser command);

    /** Users ordered by username; {@code after} is the last username of the previous page. */
    Page<UserView> list(UserState state, int limit, String after);

    /** ADMIN and above, or the user themself. */
    UserView find(String username);

    /**
     * Applies one event of the transition table. {@code expectedVersion}, when not null, must be
     * the user's current version (HTTP If-Match).
     */
    UserView transition(String username, RequestTransition command, Long expectedVersion);

    /** SUPERADMIN only: moves the user to any state, bypassing the table. */
    UserView override(String username, OverrideState command, Long expectedVersion);

    /** Anonymous: the invited user becomes ACTIVE with the password they chose. */
    UserView acceptInvitation(AcceptInvitation command);
}
