package org.signalaudit.group;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Change a group's description (the only attribute that may change; empty clears it). */
public record ChangeGroup(@NotNull @Size(max = 500) String description) {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public ChangeGroup(String description) {
        this.description = description;
    }
}
