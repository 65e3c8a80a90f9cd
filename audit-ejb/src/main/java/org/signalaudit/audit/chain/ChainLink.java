package org.signalaudit.audit.chain;

import java.util.List;

/** A row's place in its chain: its position, the hash of the row before it, and its own hash. */
public record ChainLink(long seq, String prevHash, String rowHash) {

    /** The link of a row of {@code table} with {@code values}, placed right after this one. */
    ChainLink next(ChainedTable table, List<Object> values) {
        long position = seq + 1;
        return new ChainLink(position, rowHash, RowDigest.hash(table, position, rowHash, values));
    }
}
