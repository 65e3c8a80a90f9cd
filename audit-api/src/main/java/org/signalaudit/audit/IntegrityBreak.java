package org.signalaudit.audit;

import java.io.Serializable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the sealed log stops proving something: the leaf (or the checkpoint's tree size), the row
 * concerned (null when it is missing or none is), what was found, and a sentence saying so.
 */
@Schema(description = "Where the sealed log stops proving something.")
public record IntegrityBreak(
        @Schema(description = "the leaf, or the checkpoint's tree size") long leafIndex,
        @Schema(description = "the row concerned, null when missing", nullable = true) Long rowId,
        @Schema(ref = "IntegrityBreakKind") Kind kind,
        @Schema(description = "a sentence saying what was found") String detail) implements Serializable {

    public enum Kind {
        /** The row's content no longer hashes to its sealed leaf. */
        EDITED,
        /** A sealed row is gone. */
        DELETED,
        /** A row sits among the sealed rows that the sealer never took: it was added behind the application. */
        INSERTED,
        /** Two sealed rows traded places: each now holds what the other's leaf sealed. */
        REORDERED,
        /** A checkpoint's signature does not verify, or it is not consistent with the one before it or with the tree. */
        CHECKPOINT,
        /**
         * A tombstone that does not prove itself: its digest, count or range is not that of the leaves it
         * covers, it covers a row that is still there, or no sealed RETIRE row of the request trail records it.
         */
        FORGED_TOMBSTONE
    }
}
