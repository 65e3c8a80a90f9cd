package org.signalaudit.audit;

import java.util.List;

/**
 * The result of replaying every user's state changes: clean when each user's history starts with
 * the creation row, every row starts where the previous one ended and follows the state machine
 * (an override may go anywhere), and the last row ends in the user's current state.
 * {@code mismatches} lists the first {@value #LISTED} of {@code mismatchCount}.
 */
public record ReplayReport(boolean clean, long users, long rows, long mismatchCount, List<ReplayMismatch> mismatches) {

    public static final int LISTED = 100;
}
