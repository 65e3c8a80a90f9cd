package org.signalaudit.group;

import java.io.Serializable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Change a group's description (the only attribute that may change; empty clears it). */
@Schema(description = "Change a group's description.", requiredProperties = "description", example = "{\"description\": \"on call, weekends too\"}")
public record ChangeGroup(
        @Schema(description = "the new description; empty clears it", example = "on call, weekends too")
        @NotNull @Size(max = 500) String description) implements Serializable {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public ChangeGroup(String description) {
        this.description = description;
    }
}
