package org.signalaudit.account;

import java.io.Serializable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Invite a new user. Usernames are lower-case handles so that they read the same in every log. */
@Schema(description = "Invite a new user: an ADMIN invites USERs, a SUPERADMIN anyone. The answer carries the "
        + "invitation token, once.", requiredProperties = {"username", "email", "role"}, example = "{\"username\": \"carol\", \"email\": \"carol@example.com\", \"role\": \"USER\"}")
public record InviteUser(
        @Schema(description = "the new user's handle: " + USERNAME_RULE, minLength = 2, example = "carol")
        @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
        @Schema(description = "e-mail address", example = "carol@example.com")
        @NotBlank @Email @Size(max = 254) String email,
        @Schema(ref = "Role", description = "the new user's role") @NotNull Role role) implements Serializable {

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
