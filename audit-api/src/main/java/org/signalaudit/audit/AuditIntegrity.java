package org.signalaudit.audit;

/**
 * What can be proven about the audit rows (SUPERADMIN only). Both checks read one consistent
 * snapshot of the store and change nothing.
 */
public interface AuditIntegrity {

    /**
     * Walks the hash chain of every audit table from its first row to its head and recomputes
     * every link: an edited, deleted or inserted row breaks the chain where it happened.
     */
    ChainReport verify();

    /**
     * Replays each user's state changes from the row that created the user, through the state
     * machine, and compares the result with the user's current state.
     */
    ReplayReport replayCheck();
}
