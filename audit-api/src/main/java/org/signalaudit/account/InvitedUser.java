package org.signalaudit.account;

/**
 * The answer to an invitation: the new user plus the invitation token. The token exists in clear
 * only here, once; the account keeps its hash.
 */
public record InvitedUser(String username, String email, Role role, UserState state, long version,
                          String invitationToken) {

    public static InvitedUser of(UserView user, String invitationToken) {
        return new InvitedUser(user.username(), user.email(), user.role(), user.state(), user.version(),
                invitationToken);
    }

    public UserView user() {
        return new UserView(username, email, role, state, version);
    }
}
