package org.signalaudit.audit.chain;

import java.util.List;

/** An audit entity that is linked into its table's chain before it is persisted. */
public interface ChainedRow {

    ChainedTable chainedTable();

    /** The values of {@link ChainedTable#columns()}, in that order, as they will be stored. */
    List<Object> chainedValues();

    /** Takes the row's place in the chain; called once, before the row is persisted. */
    void link(ChainLink link);
}
