package org.signalaudit.audit;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit table in the verify: its sealed rows found intact, and the first break, null when none. */
@Schema(description = "One audit table in the verify.")
public record TableIntegrity(
        @Schema(description = "the table", example = "user_state_audit") String table,
        @Schema(description = "no break found") boolean intact,
        @Schema(description = "sealed rows checked") long rows,
        @Schema(description = "the first break, null when none", nullable = true) IntegrityBreak firstBreak) implements Serializable {
}
