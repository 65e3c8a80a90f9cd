package org.signalaudit.audit.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.chain.AuditChain;
import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.audit.entity.StateAuditRow;
import org.signalaudit.signal.ChangesWritten;

/**
 * Writes the state and entity rows of a business transaction at the end of each flush
 * ({@link ChangesWritten}), when the flush's own statements have run and the transaction is still
 * open: the rows commit or roll back with the change (DESIGN.md, rule 1).
 *
 * <p>Why there: this is where the transaction locks the two chain heads, after every row its
 * change locked. Every business transaction takes its locks in that one order, rows then heads, so
 * none holds the heads while waiting for a row another holds; and the heads, which admit one
 * business transaction at a time, are held only for these statements and the commit
 * (docs/INTEGRITY.md, "Concurrency"; docs/PERFORMANCE.md, run 5).
 */
@ApplicationScoped
public class BusinessAuditWriter {

    @Inject
    PendingAudit pending;

    @Inject
    AuditChain chain;

    @Inject
    StateAuditWriter states;

    @Inject
    EntityAuditWriter entities;

    @Transactional(Transactional.TxType.MANDATORY)
    public void writePending(@Observes ChangesWritten written) {
        write(pending.drainStates(), pending.drainEntities());
    }

    /** Links the rows into their chains, then inserts them, on the transaction's connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<StateAuditRow> stateRows, List<EntityAuditRow> entityRows) {
        Map<ChainedTable, List<List<Object>>> values = new EnumMap<>(ChainedTable.class);
        if (!stateRows.isEmpty()) {
            values.put(ChainedTable.STATE, stateRows.stream().map(StateAuditRow::chainedValues).toList());
        }
        if (!entityRows.isEmpty()) {
            values.put(ChainedTable.ENTITY, entityRows.stream().map(EntityAuditRow::chainedValues).toList());
        }
        if (values.isEmpty()) {
            return;
        }
        Map<ChainedTable, List<ChainLink>> links = chain.link(values);
        states.insert(stateRows, links.getOrDefault(ChainedTable.STATE, List.of()));
        entities.insert(entityRows, links.getOrDefault(ChainedTable.ENTITY, List.of()));
    }
}
