package org.signalaudit.audit.chain;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.control.AuditSwitch;
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

    @Inject
    HeldHeads held;

    /** Switched off, the benchmark's comparison run writes no audit row and takes no lock. */
    @Inject
    AuditSwitch auditSwitch;

    /**
     * Locks the heads of the state and entity chains until the transaction ends, as the first lock
     * of an {@link AuditedWrite} transaction; linking rows later finds them held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockBusinessHeads() {
        if (!auditSwitch.on()) {
            return;
        }
        try {
            lockHeads(ChainedTable.STATE);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain heads could not be locked", e);
        }
    }

    /** Links one entity row; it must be persisted in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void link(ChainedRow row) {
        ChainLink link = link(row.chainedTable(), List.of(row.chainedValues())).get(0);
        row.link(link);
    }

    /** Links rows of one table, in the order given; they must be inserted in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChainLink> link(ChainedTable table, List<List<Object>> rows) {
        try {
            ChainLink head = lockHeads(table).get(table.tableName());
            List<ChainLink> links = new ArrayList<>(rows.size());
            for (List<Object> values : rows) {
                head = head.next(table, values);
                links.add(head);
            }
            ChainHeads.move(transaction.current(), table, head);
            held.moved(table.tableName(), head);
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("The " + table.tableName() + " chain could not be extended; "
                    + "the change is rolled back", e);
        }
    }

    /**
     * Locks every head the table's writers lock, in their one order, and returns them by table;
     * heads this transaction already holds are known without asking.
     */
    private Map<String, ChainLink> lockHeads(ChainedTable table) throws SQLException {
        List<String> heads = table.headsToLock();
        if (!held.holdsAll(heads)) {
            held.locked(ChainHeads.lock(transaction.current(), heads));
        }
        return held.all();
    }
}
