package org.signalaudit.account;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the outside sees it: never a hash, never a token. */
@Schema(description = "A user as the outside sees it: never a password hash, never a token.")
public record UserView(
        @Schema(description = "the user's handle", example = "alice") String username,
        @Schema(description = "e-mail address", example = "alice@example.com") String email,
        @Schema(ref = "Role") Role role,
        @Schema(ref = "UserState") UserState state,
        @Schema(description = "optimistic-lock version, also the ETag", example = "3") long version) implements Serializable {
}
