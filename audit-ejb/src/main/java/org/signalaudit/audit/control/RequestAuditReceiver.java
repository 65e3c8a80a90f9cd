package org.signalaudit.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.RequestAuditRow;
import org.signalaudit.signal.RequestCompleted;

/**
 * Writes the request trail in a transaction of its own (DESIGN.md, rule 2): a request whose work
 * rolled back, or that the container refused before any work, is still recorded.
 */
@ApplicationScoped
public class RequestAuditReceiver {

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    AuditWriter writer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(@Observes RequestCompleted request) {
        if (auditSwitch.on()) {
            writer.insert(new RequestAuditRow(request));
        }
    }
}
