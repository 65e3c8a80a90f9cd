package org.signalaudit.audit.chain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.store.TransactionConnection;

/**
 * Links audit rows into their table's chain inside the transaction that writes them. It locks the
 * chain's head row ({@code SELECT ... FOR UPDATE}), hashes the rows after the head, and moves the
 * head, all on the transaction's own connection ({@link TransactionConnection}): the head and the
 * rows commit or roll back together, and the next writer of the chain waits for the commit. The
 * head lives in the database, not in memory, so several application instances share one chain.
 */
@ApplicationScoped
public class AuditChain {

    @Inject
    TransactionConnection transaction;

    /** Links one row; it must be persisted in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(ChainedRow row) {
        ChainedTable table = row.chainedTable();
        row.link(link(Map.of(table, List.of(row.chainedValues()))).get(table).get(0));
    }

    /**
     * Links rows of several tables, each table's in the order given, with one lock of their heads
     * and one batch of head moves: the statements a transition holds the heads for
     * (docs/PERFORMANCE.md). The rows must be inserted in the same transaction. A transaction that
     * links again (a second flush) locks again: its own lock, answered at once with the heads as it
     * moved them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<ChainedTable, List<ChainLink>> link(Map<ChainedTable, List<List<Object>>> rowsByTable) {
        try {
            Connection connection = transaction.current();
            Map<String, ChainLink> heads = ChainHeads.lock(connection, ChainedTable.headsToLock(rowsByTable.keySet()));
            Map<ChainedTable, List<ChainLink>> links = new EnumMap<>(ChainedTable.class);
            Map<ChainedTable, ChainLink> moved = new EnumMap<>(ChainedTable.class);
            rowsByTable.forEach((table, rows) -> {
                ChainLink head = heads.get(table.tableName());
                List<ChainLink> tableLinks = new ArrayList<>(rows.size());
                for (List<Object> values : rows) {
                    head = head.next(table, values);
                    tableLinks.add(head);
                }
                links.put(table, tableLinks);
                moved.put(table, head);
            });
            ChainHeads.move(connection, moved);
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("The " + rowsByTable.keySet() + " chains could not be extended; "
                    + "the change is rolled back", e);
        }
    }
}
