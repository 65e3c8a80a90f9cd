package org.signalaudit.account;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invited user accepts with the token they were given and chooses a password. */
@Schema(description = "Accept an invitation: the invited user's name, the token the invitation answer carried, "
        + "and the password they choose.",
        requiredProperties = {"username", "token", "password"})
public record AcceptInvitation(
        @Schema(description = "the invited user's handle", example = "carol") @NotBlank @Size(max = 64) String username,
        @Schema(description = "the invitation token", example = "q8Jx3r0-vL2x9fK1sP4mZw") @NotBlank @Size(max = 200) String token,
        @Schema(description = "the password chosen, at least 12 characters", example = "a long pass phrase", format = "password",
                minLength = 12)
        @NotBlank @Size(min = 12, max = 200) String password) implements Serializable {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public AcceptInvitation(String username, String token, String password) {
        this.username = username;
        this.token = token;
        this.password = password;
    }

    @Override
    public String toString() {
        // Never print the secrets, whoever logs this record.
        return "AcceptInvitation[username=" + username + ", token=***, password=***]";
    }
}
