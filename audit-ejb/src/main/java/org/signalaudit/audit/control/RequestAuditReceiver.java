package org.signalaudit.audit.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.signalaudit.audit.entity.RequestAuditRow;
import org.signalaudit.signal.RequestCompleted;

/**
 * Writes the request trail in a transaction of its own (DESIGN.md, rule 2): a request whose work
 * rolled back, or that the container refused before any work, is still recorded.
 *
 * <p>An EJB, not a CDI bean: the trail is written when the request has ended, and Payara Server
 * 6.2025.9 calls the web module's request listeners after it has left the request's component
 * invocation; a CDI bean's EntityManager then found no persistence unit ("Unable to retrieve
 * EntityManagerFactory for unitName null"). An EJB's call always runs in its own module's context.
 *
 * <p>A singleton of the application scope, open to concurrent calls (it keeps no state): Weld
 * delivers each event to one contextual instance, and a stateless bean's would be a new EJB
 * reference per request, made under the web module's class-loader lock.
 */
@Singleton
@ApplicationScoped
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RequestAuditReceiver {

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    AuditWriter writer;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(@Observes RequestCompleted request) {
        if (auditSwitch.on()) {
            writer.insert(new RequestAuditRow(request));
        }
    }
}
