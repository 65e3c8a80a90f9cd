package org.signalaudit.audit;

import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of replaying every user's state changes: clean when each user's history starts with
 * the creation row, every row starts where the previous one ended and follows the state machine
 * (an override may go anywhere), and the last row ends in the user's current state.
 * {@code mismatches} lists the first {@value #LISTED} of {@code mismatchCount}.
 */
@Schema(description = "The replay of every user's state changes against the state the store holds.")
public record ReplayReport(
        @Schema(description = "true when every user's history replays to their state") boolean clean,
        @Schema(description = "users replayed") long users,
        @Schema(description = "rows replayed") long rows,
        @Schema(description = "users whose history does not replay") long mismatchCount,
        @Schema(description = "the first 100 of them") List<ReplayMismatch> mismatches) implements Serializable {

    public static final int LISTED = 100;
}
