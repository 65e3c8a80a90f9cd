package org.signalaudit.audit;

import java.util.List;

/** The result of walking every audit table's hash chain: intact only if every chain is. */
public record ChainReport(boolean intact, long rows, List<ChainState> chains) {

    public static ChainReport of(List<ChainState> chains) {
        return new ChainReport(chains.stream().allMatch(ChainState::intact),
                chains.stream().mapToLong(ChainState::rows).sum(), List.copyOf(chains));
    }
}
