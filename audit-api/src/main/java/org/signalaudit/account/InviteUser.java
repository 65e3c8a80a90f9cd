package org.signalaudit.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Invite a new user. Usernames are lower-case handles so that they read the same in every log. */
public record InviteUser(
        @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull Role role) {

    /**
     * Declared, not implicit, so that the constraints stay on the components (field and accessor)
     * and are not copied onto the constructor's parameters, which Payara's OpenAPI scanner takes
     * for JAX-RS parameters and fails on (a 500 on the first {@code GET /openapi}); the other
     * request bodies declare theirs for the same reason.
     */
    public InviteUser(String username, String email, Role role) {
        this.username = username;
        this.email = email;
        this.role = role;
    }

    public static final String USERNAME = "[a-z0-9][a-z0-9._-]*";
    public static final String USERNAME_RULE = "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
}
