package org.signalaudit.audit;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Place a legal hold on the rows of one user (as subject or as actor), on the rows of a time range
 * [from, to), or on a user's rows within a range. At least one of the three is needed.
 */
@Schema(description = "Place a legal hold: a user name and/or a time range [from, to), and a reason.",
        requiredProperties = "reason",
        example = "{\"username\": \"jdoe\", \"from\": \"2025-01-01T00:00:00Z\", \"reason\": \"litigation hold, case 17\"}")
public record PlaceHold(
        @Schema(description = "the user whose rows are held (subject, actor or initiator)", example = "jdoe")
        @Size(min = 1, max = 128) String username,
        @Schema(description = "start of the held range (inclusive), ISO-8601", example = "2025-01-01T00:00:00Z")
        Instant from,
        @Schema(description = "end of the held range (exclusive), ISO-8601", example = "2026-01-01T00:00:00Z")
        Instant to,
        @Schema(description = "why, recorded with the hold and in the request trail", example = "litigation hold, case 17")
        @NotBlank @Size(max = 400) String reason) {

    /** Declared, not implicit, for the reason {@link org.signalaudit.account.InviteUser} gives. */
    public PlaceHold(String username, Instant from, Instant to, String reason) {
        this.username = username;
        this.from = from;
        this.to = to;
        this.reason = reason;
    }

    @AssertTrue(message = "a hold needs a username, a from or a to")
    @Schema(hidden = true)
    public boolean isScoped() {
        return username != null || from != null || to != null;
    }

    @AssertTrue(message = "from must be before to")
    @Schema(hidden = true)
    public boolean isRangeOrdered() {
        return from == null || to == null || from.isBefore(to);
    }
}
