package org.signalaudit.audit;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user whose audited history does not lead to the state the store holds for them. */
@Schema(description = "A user whose audited history does not lead to the state the store holds for them.")
public record ReplayMismatch(
        @Schema(description = "the user") String username,
        @Schema(ref = "ReplayProblem") Problem problem,
        @Schema(description = "a sentence saying what differs") String detail) implements Serializable {

    public enum Problem {
        /** The first row of the user is not an INVITE from nowhere. */
        NO_CREATION_ROW,
        /** A row starts from another state than the previous row ended in. */
        BROKEN_SEQUENCE,
        /** A row's event does not lead from its start state to its end state. */
        ILLEGAL_TRANSITION,
        /** The replay ends in another state than the user is in. */
        STATE_DIFFERS,
        /** Rows name a user the store does not have. */
        UNKNOWN_USER,
        /** A user without any row. */
        NO_HISTORY
    }
}
