package org.signalaudit.proof;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The layout of an evidence pack ({@code GET /api/audit/evidence}), shared by the server that
 * writes it and the offline verifier (module audit-verify) that checks it: the ZIP's entries, the
 * members of a row's line, and the digest that binds the rows to the signed manifest.
 */
public final class EvidencePack {

    /** How to verify, for the auditor who opens the ZIP. */
    public static final String README = "README.md";
    /** The rows, one JSON object per line, oldest first (by id). */
    public static final String ROWS = "rows.jsonl";
    /** The latest signed checkpoint when the pack was made: every row is proven against it. */
    public static final String CHECKPOINT = "checkpoint.note";
    /** The signed {@link EvidenceManifest}. */
    public static final String MANIFEST = "manifest.note";
    /** The verifier key, one line: {@code name+keyid+base64(0x01 ‖ key)}, as {@code GET /api/audit/checkpoint/key}'s {@code verifierKey}. */
    public static final String KEY = "key.pub";
    /**
     * The months of the pack's table that retention dropped before the pack was made (JSON array:
     * table, month, rows, firstLeaf, lastLeaf, leavesDigest, droppedAt, droppedBy, reason). Not
     * signed by the manifest: the sealed request-trail rows of category RETENTION are the proof.
     */
    public static final String RETENTION = "retention.json";

    /**
     * The members of a row's line in {@link #ROWS}: its 1-based line number, table, id, index in
     * the tree, its columns as sealed ({@code fields}, every value a string or null), the leaf data
     * as hashed (base64), the leaf hash and the RFC 9162 inclusion proof (hex), as the inclusion
     * proof of {@code GET /api/audit/proofs/inclusion} names them.
     */
    public static final String LINE = "n";
    public static final String TABLE = "table";
    public static final String ID = "id";
    public static final String LEAF_INDEX = "leafIndex";
    public static final String FIELDS = "fields";
    public static final String LEAF_DATA = "leafData";
    public static final String LEAF_HASH = "leafHash";
    public static final String AUDIT_PATH = "auditPath";

    private EvidencePack() {
    }

    /**
     * SHA-256 over each row's leaf index (8 bytes, big-endian) and leaf hash (32 bytes), in the
     * pack's order: what the manifest signs, so that a row taken out, added, swapped or moved
     * changes it. Constant memory, whatever the number of rows.
     */
    public static final class RowsDigest {

        private final MessageDigest sha = MerkleHash.sha256();
        private long rows;

        public void add(long leafIndex, byte[] leafHash) {
            if (leafHash == null || leafHash.length != MerkleHash.LENGTH) {
                throw new IllegalArgumentException("a leaf hash has " + MerkleHash.LENGTH + " bytes");
            }
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(leafIndex).array());
            sha.update(leafHash);
            rows++;
        }

        public long rows() {
            return rows;
        }

        /** The digest of the rows added so far; the digest object is spent afterwards. */
        public byte[] digest() {
            return sha.digest();
        }
    }
}
