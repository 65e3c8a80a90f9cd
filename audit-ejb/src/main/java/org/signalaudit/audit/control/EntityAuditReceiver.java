package org.signalaudit.audit.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.EntityChanged;

/**
 * The receiver of the entity signals: synchronous and inside the transaction of the change. It
 * takes one row per POST {@link EntityChanged} (those arrive during the JPA callbacks, where the
 * EntityManager may not be used); the end of the flush writes them ({@link BusinessAuditWriter}).
 * A bulk statement is not a callback and no flush follows it: its row is written at once.
 */
@ApplicationScoped
public class EntityAuditReceiver {

    @Inject
    PendingAudit pending;

    @Inject
    BusinessAuditWriter writer;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    AuditSwitch auditSwitch;

    @Transactional(Transactional.TxType.MANDATORY)
    public void collect(@Observes EntityChanged change) {
        if (change.phase() == ChangePhase.POST && auditSwitch.on()) {
            pending.add(EntityAuditRow.of(change, provenance.current()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes BulkChanged bulk) {
        if (auditSwitch.on()) {
            writer.write(List.of(), List.of(EntityAuditRow.of(bulk, provenance.current())));
        }
    }
}
