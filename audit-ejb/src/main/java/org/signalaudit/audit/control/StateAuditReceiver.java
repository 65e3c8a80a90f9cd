package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.StateAuditRow;
import org.signalaudit.signal.UserStateChanged;

/**
 * The one receiver of {@link UserStateChanged}, whatever fired it (the state machine, the
 * override, the lockout policy, the bootstrap). It observes synchronously and requires the
 * caller's transaction, and writes the row at once: the row commits with the change or not at
 * all, and a failure to write it rolls the change back (DESIGN.md, rule 1).
 */
@ApplicationScoped
public class StateAuditReceiver {

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    AuditWriter writer;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes UserStateChanged change) {
        if (auditSwitch.on()) {
            writer.insert(StateAuditRow.of(change, provenance.current()));
        }
    }
}
