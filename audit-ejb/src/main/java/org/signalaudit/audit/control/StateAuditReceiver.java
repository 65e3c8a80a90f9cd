package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.StateAuditRow;
import org.signalaudit.signal.UserStateChanged;

/**
 * The one receiver of {@link UserStateChanged}, whatever fired it. It observes synchronously and
 * requires the caller's transaction: the row is written with the change or not at all, and a
 * failure to write it rolls the change back (DESIGN.md, rule 1). It is written at the end of the
 * flush that writes the change ({@link BusinessAuditWriter}), not here: only there does the
 * transaction lock the chain heads, after every row it changes (docs/INTEGRITY.md, "Concurrency").
 */
@ApplicationScoped
public class StateAuditReceiver {

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    PendingAudit pending;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes UserStateChanged change) {
        if (auditSwitch.on()) {
            pending.add(StateAuditRow.of(change, provenance.current()));
        }
    }
}
