package org.signalaudit.audit.retention;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.AuditRetention;
import org.signalaudit.audit.control.AuditWriter;
import org.signalaudit.audit.control.ProvenanceResolver;
import org.signalaudit.audit.entity.Provenance;
import org.signalaudit.audit.entity.RequestAuditRow;
import org.signalaudit.signal.RequestCompleted;

/**
 * Retention and holds leave their evidence as rows of the request trail, written by the one audit
 * writer and sealed like every row (PCI DSS 10.2.1.6: changes to the audit log are logged): method
 * the act ({@code RETAIN}, {@code RETIRE}, {@code HOLD}, {@code RELEASE}), category
 * {@value AuditRetention#CATEGORY}, actor who, path what and why. Its own request id
 * ({@code retention-…}); the path names the HTTP request's id when there was one.
 */
@ApplicationScoped
public class RetentionTrail {

    @Inject
    AuditWriter writer;

    @Inject
    ProvenanceResolver provenance;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String act, String actor, String what) {
        Provenance from = provenance.current();
        String text = from.requestId() == null ? what : what + " [request " + from.requestId() + "]";
        writer.insert(new RequestAuditRow(new RequestCompleted("retention-" + UUID.randomUUID(), Instant.now(), 0, act,
                text, null, 200, actor, from.ipAddress(), null, null, "audit log", "retention",
                AuditRetention.CATEGORY, null, null, from.origin())));
    }
}
