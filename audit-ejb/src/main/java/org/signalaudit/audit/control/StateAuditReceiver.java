package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.chain.AuditChain;
import org.signalaudit.audit.entity.StateAuditEntry;
import org.signalaudit.signal.UserStateChanged;

/**
 * The one receiver of {@link UserStateChanged}, whatever fired it. It observes synchronously and
 * requires the caller's transaction: the row is written with the change or not at all, and a
 * failure to write it rolls the change back (DESIGN.md, rule 1).
 */
@ApplicationScoped
public class StateAuditReceiver {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    AuditChain chain;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes UserStateChanged change) {
        if (!auditSwitch.on()) {
            return;
        }
        StateAuditEntry entry = new StateAuditEntry(change, provenance.current());
        chain.link(entry);
        em.persist(entry);
    }
}
