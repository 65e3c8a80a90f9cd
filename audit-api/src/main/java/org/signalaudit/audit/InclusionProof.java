package org.signalaudit.audit;

import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9162 §2.1.3: the row is leaf {@code leafIndex} of the tree of {@code treeSize} leaves whose
 * root is {@code rootHash}. {@code leafData} (base64) is the row's canonical encoding, whose
 * SHA-256 after a 0x00 byte is {@code leafHash}; {@code auditPath} the sibling hashes from the leaf
 * up. Hashes in hex.
 */
@Schema(description = "RFC 9162 inclusion proof: the row is a leaf of the tree whose root is rootHash.")
public record InclusionProof(
        @Schema(description = "the row's table", example = "state") String table,
        @Schema(description = "the row's id", example = "42") long id,
        @Schema(description = "the row's leaf") long leafIndex,
        @Schema(description = "the tree's size") long treeSize,
        @Schema(description = "the row's canonical encoding (base64)") String leafData,
        @Schema(description = "SHA-256(0x00 leafData) (hex)") String leafHash,
        @Schema(description = "the tree's root (hex)") String rootHash,
        @Schema(description = "the sibling hashes from the leaf up (hex)") List<String> auditPath) implements Serializable {
}
