package org.signalaudit.audit;

/**
 * The sealed log's public face (ADMIN and SUPERADMIN): the latest signed checkpoint, the key that
 * verifies it, and the proofs of RFC 9162 that let anyone check, against a checkpoint, that a row
 * is in the log and that a later checkpoint extends an earlier one.
 */
public interface SealedLog {

    /** The latest checkpoint; {@link NotSealedException} before the first seal. */
    CheckpointView checkpoint();

    SealKeyView key();

    /** The latest checkpoint with its signature checked, the seal lag and any failed verification. */
    SealStatus status();

    /**
     * The proof that the row {@code id} of {@code table} (state, entity, login, request) is leaf
     * {@code leafIndex} of the tree of {@code treeSize} leaves (null: the latest checkpoint's).
     * {@link NotSealedException} while the row is not sealed.
     */
    InclusionProof inclusion(String table, long id, Long treeSize);

    /**
     * The tree size of the checkpoint that sealed the row {@code id} of {@code table} (the first
     * whose tree holds it), or null while the row is not sealed.
     */
    Long sealedIn(String table, long id);

    /** The proof that the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    ConsistencyProof consistency(long from, long to);
}
