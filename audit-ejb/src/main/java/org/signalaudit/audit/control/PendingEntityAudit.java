package org.signalaudit.audit.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.TransactionScoped;

import org.signalaudit.audit.entity.EntityAuditRow;

/**
 * The rows collected during the JPA callbacks of the current transaction and not written yet.
 * Bound to the transaction, so a rollback forgets them with the change they describe.
 */
@TransactionScoped
public class PendingEntityAudit implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<EntityAuditRow> rows = new ArrayList<>();

    public void add(EntityAuditRow row) {
        rows.add(row);
    }

    /** The collected rows, in order; the buffer is empty afterwards. */
    public List<EntityAuditRow> drain() {
        List<EntityAuditRow> drained = List.copyOf(rows);
        rows.clear();
        return drained;
    }
}
