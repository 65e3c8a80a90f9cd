package org.signalaudit.audit.reader;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.entity.StateAuditEntry;

/** Reads {@code user_state_audit}. */
@ApplicationScoped
public class StateChangeReader extends AuditReader<StateAuditEntry, StateChangeView, StateChangeQuery> {

    public StateChangeReader() {
        super(StateAuditEntry.class);
    }

    @Override
    protected StateChangeView view(StateAuditEntry row) {
        return row.toView();
    }

    @Override
    protected long id(StateChangeView view) {
        return view.id();
    }

    @Override
    protected RowFilter<StateAuditEntry> filter(StateChangeQuery query) {
        return where -> where.equal("username", query.username())
                .equal("initiatedBy", query.initiatedBy())
                .equal("event", query.event())
                .period(query.from(), query.to());
    }

    /** Who is the initiator or the subject; what is an event (no such event: no row). */
    @Override
    protected RowFilter<StateAuditEntry> filter(AuditFilter filter) {
        return where -> {
            where.equalEither("initiatedBy", "username", filter.who())
                    .equal("requestId", filter.requestId())
                    .period(filter.from(), filter.to());
            if (filter.what() != null) {
                where.add(event(filter.what()).map(event -> where.builder().equal(where.row().get("event"), event))
                        .orElse(where.builder().disjunction()));
            }
        };
    }

    /** One user's rows written at or before the instant (null: all of them). */
    public static RowFilter<StateAuditEntry> ofUser(String username, java.time.Instant asOf) {
        return where -> where.equal("username", username).notAfter(asOf);
    }

    private static Optional<StateEvent> event(String name) {
        try {
            return Optional.of(StateEvent.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
