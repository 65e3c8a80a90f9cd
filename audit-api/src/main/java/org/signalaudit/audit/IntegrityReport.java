package org.signalaudit.audit;

import java.util.List;

/**
 * The verify of the sealed log: every sealed row re-hashed and the tree re-derived from the rows,
 * every checkpoint's signature and consistency checked. Intact only if every table and every
 * checkpoint is; {@code checkpointBreak} is the first checkpoint that fails, null when none does.
 */
public record IntegrityReport(boolean intact, long rows, long treeSize, String rootHash, List<TableIntegrity> tables,
                              IntegrityBreak checkpointBreak) {

    public static IntegrityReport of(long treeSize, String rootHash, List<TableIntegrity> tables,
                                     IntegrityBreak checkpointBreak) {
        return new IntegrityReport(checkpointBreak == null && tables.stream().allMatch(TableIntegrity::intact),
                tables.stream().mapToLong(TableIntegrity::rows).sum(), treeSize, rootHash, List.copyOf(tables),
                checkpointBreak);
    }
}
