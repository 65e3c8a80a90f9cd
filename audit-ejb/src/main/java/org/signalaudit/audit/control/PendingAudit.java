package org.signalaudit.audit.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.TransactionScoped;

import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.audit.entity.StateAuditRow;

/**
 * The state and entity rows the receivers took during the current transaction and the end of the
 * next flush writes ({@link BusinessAuditWriter}). Bound to the transaction, so a rollback forgets
 * them with the change they describe.
 */
@TransactionScoped
public class PendingAudit implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<StateAuditRow> states = new ArrayList<>();

    private final List<EntityAuditRow> entities = new ArrayList<>();

    public void add(StateAuditRow row) {
        states.add(row);
    }

    public void add(EntityAuditRow row) {
        entities.add(row);
    }

    /** The state rows taken, in order; none are left afterwards. */
    public List<StateAuditRow> drainStates() {
        List<StateAuditRow> drained = List.copyOf(states);
        states.clear();
        return drained;
    }

    /** The entity rows taken, in order; none are left afterwards. */
    public List<EntityAuditRow> drainEntities() {
        List<EntityAuditRow> drained = List.copyOf(entities);
        entities.clear();
        return drained;
    }
}
