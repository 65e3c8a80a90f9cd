package org.signalaudit.group;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create a group. Its name is a lower-case handle, like a username, and never changes. */
@Schema(description = "Create a group.", requiredProperties = "name", example = "{\"name\": \"ops\", \"description\": \"on call\"}")
public record CreateGroup(
        @Schema(description = "the group's name, never changed: " + NAME_RULE, minLength = 2, example = "ops")
        @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = NAME, message = NAME_RULE) String name,
        @Schema(description = "free text", example = "on call") @Size(max = 500) String description) implements Serializable {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public CreateGroup(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public static final String NAME = "[a-z0-9][a-z0-9._-]*";
    public static final String NAME_RULE = "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
}
