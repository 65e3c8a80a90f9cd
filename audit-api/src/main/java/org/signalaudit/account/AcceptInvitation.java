package org.signalaudit.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The invited user accepts with the token they were given and chooses a password. */
public record AcceptInvitation(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 200) String token,
        @NotBlank @Size(min = 12, max = 200) String password) {

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
