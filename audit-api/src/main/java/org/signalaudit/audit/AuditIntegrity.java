package org.signalaudit.audit;

/**
 * What can be proven about the audit rows (SUPERADMIN only). Both checks read one consistent
 * snapshot of the store and change nothing.
 */
public interface AuditIntegrity {

    /**
     * Re-derives the sealed log from the rows: every sealed row re-hashed against its leaf, the
     * tree rebuilt, every checkpoint's root, signature and consistency checked. An edited, deleted,
     * inserted or reordered row is reported with its leaf and row.
     */
    IntegrityReport verify();

    /**
     * Replays each user's state changes from the row that created the user, through the state
     * machine, and compares the result with the user's current state.
     */
    ReplayReport replayCheck();
}
