package org.signalaudit.audit;

/** A user whose audited history does not lead to the state the store holds for them. */
public record ReplayMismatch(String username, Problem problem, String detail) {

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
