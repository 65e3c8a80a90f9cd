package org.signalaudit.audit;

import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verify of the sealed log: every sealed row re-hashed and the tree re-derived from the rows,
 * every checkpoint's signature and consistency checked. Intact only if every table and every
 * checkpoint is; {@code checkpointBreak} is the first checkpoint that fails, null when none does.
 */
@Schema(description = "The verify of the sealed log: every sealed row re-hashed, the tree re-derived, every "
        + "checkpoint's signature and consistency checked.")
public record IntegrityReport(
        @Schema(description = "true only if every table and every checkpoint is intact") boolean intact,
        @Schema(description = "sealed rows checked") long rows,
        @Schema(description = "the tree's size") long treeSize,
        @Schema(description = "the tree's root (hex)", nullable = true) String rootHash,
        @Schema(description = "each audit table") List<TableIntegrity> tables,
        @Schema(description = "the first checkpoint that fails", nullable = true) IntegrityBreak checkpointBreak) implements Serializable {

    public static IntegrityReport of(long treeSize, String rootHash, List<TableIntegrity> tables,
                                     IntegrityBreak checkpointBreak) {
        return new IntegrityReport(checkpointBreak == null && tables.stream().allMatch(TableIntegrity::intact),
                tables.stream().mapToLong(TableIntegrity::rows).sum(), treeSize, rootHash, List.copyOf(tables),
                checkpointBreak);
    }
}
