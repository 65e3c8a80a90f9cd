package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.StateChangeQuery;

/** {@code GET /audit/state-changes?username=&initiatedBy=&event=&from=&to=&limit=&after=}. */
public class StateChangeParams extends AuditParams {

    @QueryParam("username")
    String username;

    @QueryParam("initiatedBy")
    String initiatedBy;

    @QueryParam("event")
    StateEvent event;

    StateChangeQuery query() {
        return new StateChangeQuery(text(username), text(initiatedBy), event, from, to, limit(), after);
    }
}
