package org.signalaudit.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Run retention now, with the reason the trail records. */
@Schema(description = "Run retention now.", requiredProperties = "reason",
        example = "{\"reason\": \"monthly retention, ticket OPS-42\"}")
public record RunRetention(
        @Schema(description = "why, recorded in the request trail", example = "monthly retention, ticket OPS-42")
        @NotBlank @Size(max = 400) String reason) {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public RunRetention(String reason) {
        this.reason = reason;
    }
}
