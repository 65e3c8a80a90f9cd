package org.signalaudit.account;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an invitation: the new user plus the invitation token. The token exists in clear
 * only here, once; the account keeps its hash.
 */
@Schema(description = "The invited user, and the invitation token: shown in clear only in this answer.")
public record InvitedUser(
        @Schema(description = "the user's handle", example = "carol") String username,
        @Schema(description = "e-mail address", example = "carol@example.com") String email,
        @Schema(ref = "Role") Role role,
        @Schema(ref = "UserState") UserState state,
        @Schema(description = "optimistic-lock version, also the ETag", example = "0") long version,
        @Schema(description = "the token to accept the invitation with (POST /api/invitations/accept)",
                example = "q8Jx3r0-vL2x9fK1sP4mZw") String invitationToken) implements Serializable {

    public static InvitedUser of(UserView user, String invitationToken) {
        return new InvitedUser(user.username(), user.email(), user.role(), user.state(), user.version(),
                invitationToken);
    }

    public UserView user() {
        return new UserView(username, email, role, state, version);
    }
}
