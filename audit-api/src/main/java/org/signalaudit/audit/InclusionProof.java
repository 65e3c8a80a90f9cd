package org.signalaudit.audit;

import java.util.List;

/**
 * RFC 9162 §2.1.3: the row is leaf {@code leafIndex} of the tree of {@code treeSize} leaves whose
 * root is {@code rootHash}. {@code leafData} (base64) is the row's canonical encoding, whose
 * SHA-256 after a 0x00 byte is {@code leafHash}; {@code auditPath} the sibling hashes from the leaf
 * up. Hashes in hex.
 */
public record InclusionProof(String table, long id, long leafIndex, long treeSize, String leafData, String leafHash,
                             String rootHash, List<String> auditPath) {
}
