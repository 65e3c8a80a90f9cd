package org.signalaudit.audit.reader;

import jakarta.enterprise.context.ApplicationScoped;

import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.entity.RequestAuditEntry;

/** Reads {@code request_audit}. */
@ApplicationScoped
public class RequestReader extends AuditReader<RequestAuditEntry, RequestView, RequestQuery> {

    public RequestReader() {
        super(RequestAuditEntry.class);
    }

    @Override
    protected RequestView view(RequestAuditEntry row) {
        return row.toView();
    }

    @Override
    protected long id(RequestView view) {
        return view.id();
    }

    @Override
    protected RowFilter<RequestAuditEntry> filter(RequestQuery query) {
        return where -> where.equal("actor", query.actor())
                .equal("status", query.status())
                .equal("category", query.category())
                .prefix("path", query.path())
                .period(query.from(), query.to());
    }

    /**
     * Who is the actor; what is part of the summary (a method, a path, a status), which scans:
     * a screen used by a few administrators can afford it.
     */
    @Override
    protected RowFilter<RequestAuditEntry> filter(AuditFilter filter) {
        return where -> where.equal("actor", filter.who())
                .equal("requestId", filter.requestId())
                .equal("category", filter.category())
                .containsIgnoringCase("summary", filter.what())
                .period(filter.from(), filter.to());
    }
}
