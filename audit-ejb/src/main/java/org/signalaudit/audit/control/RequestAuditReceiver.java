package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.chain.AuditChain;
import org.signalaudit.audit.entity.RequestAuditEntry;
import org.signalaudit.signal.RequestCompleted;

/**
 * Writes the request trail in a transaction of its own (DESIGN.md, rule 2): a request whose work
 * rolled back, or that the container refused before any work, is still recorded.
 */
@ApplicationScoped
public class RequestAuditReceiver {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    AuditChain chain;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(@Observes RequestCompleted request) {
        if (!auditSwitch.on()) {
            return;
        }
        RequestAuditEntry entry = new RequestAuditEntry(request);
        chain.link(entry);
        em.persist(entry);
    }
}
