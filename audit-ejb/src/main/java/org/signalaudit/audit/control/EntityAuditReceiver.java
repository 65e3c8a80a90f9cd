package org.signalaudit.audit.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.ChangesWritten;
import org.signalaudit.signal.EntityChanged;

/**
 * The receiver that writes {@code entity_audit}: synchronous and inside the transaction of the
 * change. It collects one row per POST {@link EntityChanged} (those arrive during the JPA
 * callbacks, where the EntityManager may not be used) and writes them at {@link ChangesWritten},
 * when the flush is over but the transaction still open. A bulk statement is not a callback: its
 * row is written at once.
 */
@ApplicationScoped
public class EntityAuditReceiver {

    @Inject
    PendingEntityAudit pending;

    @Inject
    EntityAuditWriter writer;

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
    public void write(@Observes ChangesWritten written) {
        writer.write(pending.drain());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes BulkChanged bulk) {
        if (!auditSwitch.on()) {
            return;
        }
        writer.write(List.of(EntityAuditRow.of(bulk, provenance.current())));
    }
}
