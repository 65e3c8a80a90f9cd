package org.signalaudit.audit;

import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9162 §2.1.4: the tree of {@code to} leaves extends the tree of {@code from} leaves. Hashes in hex. */
@Schema(description = "RFC 9162 consistency proof: the tree of to leaves extends the tree of from leaves.")
public record ConsistencyProof(
        @Schema(description = "the earlier tree size") long from,
        @Schema(description = "the later tree size") long to,
        @Schema(description = "the earlier root (hex)") String fromRoot,
        @Schema(description = "the later root (hex)") String toRoot,
        @Schema(description = "the proof's hashes (hex)") List<String> proof) implements Serializable {
}
