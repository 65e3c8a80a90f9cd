package org.signalaudit.audit.reader;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.entity.LoginAuditEntry;

/** Reads {@code login_audit}. */
@ApplicationScoped
public class LoginReader extends AuditReader<LoginAuditEntry, LoginView, LoginQuery> {

    public LoginReader() {
        super(LoginAuditEntry.class);
    }

    @Override
    protected LoginView view(LoginAuditEntry row) {
        return row.toView();
    }

    @Override
    protected long id(LoginView view) {
        return view.id();
    }

    @Override
    protected RowFilter<LoginAuditEntry> filter(LoginQuery query) {
        return where -> where.equal("username", query.username())
                .equal("event", query.event())
                .period(query.from(), query.to());
    }

    /** Who is the username tried; what is an event or a reason of refusal. */
    @Override
    protected RowFilter<LoginAuditEntry> filter(AuditFilter filter) {
        return where -> {
            where.equal("username", filter.who())
                    .equal("requestId", filter.requestId())
                    .period(filter.from(), filter.to());
            if (filter.what() != null) {
                String what = filter.what().toUpperCase(Locale.ROOT);
                var cb = where.builder();
                where.add(cb.or(cb.equal(where.row().get("event"), what), cb.equal(where.row().get("reason"), what)));
            }
        };
    }
}
