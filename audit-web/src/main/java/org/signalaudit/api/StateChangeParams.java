package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.StateChangeQuery;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /audit/state-changes?username=&initiatedBy=&event=&from=&to=&limit=&after=}. */
public class StateChangeParams extends AuditParams {

    @QueryParam("username")
    @Parameter(description = "only this user's rows")
    String username;

    @QueryParam("initiatedBy")
    @Parameter(description = "only rows of this initiator (a username or system:<component>)")
    String initiatedBy;

    @QueryParam("event")
    @Parameter(description = "only this event")
    StateEvent event;

    StateChangeQuery query() {
        return new StateChangeQuery(text(username), text(initiatedBy), event, from, to, limit(), after);
    }
}
