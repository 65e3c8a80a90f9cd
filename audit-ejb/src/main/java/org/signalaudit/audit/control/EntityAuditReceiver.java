package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.EntityChanged;

/**
 * The receiver of the entity signals: synchronous and inside the transaction of the change. A POST
 * {@link EntityChanged} arrives while EclipseLink flushes, right after the entity's own statement;
 * its row is inserted there, on the flush's connection, with JDBC (the EntityManager may not be
 * used in a flush), so it commits or rolls back with the change. A bulk statement's row is written
 * the same way right after the statement.
 */
@ApplicationScoped
public class EntityAuditReceiver {

    @Inject
    AuditWriter writer;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    AuditSwitch auditSwitch;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes EntityChanged change) {
        if (change.phase() == ChangePhase.POST && auditSwitch.on()) {
            writer.insert(EntityAuditRow.of(change, provenance.current()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes BulkChanged bulk) {
        if (auditSwitch.on()) {
            writer.insert(EntityAuditRow.of(bulk, provenance.current()));
        }
    }
}
