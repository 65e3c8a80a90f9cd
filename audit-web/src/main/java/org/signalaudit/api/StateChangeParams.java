package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.StateChangeQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /audit/state-changes?username=&initiatedBy=&event=&from=&to=&limit=&after=}. */
public class StateChangeParams extends AuditParams {

    @QueryParam("username")
    @Schema(description = "only this user's rows")
    String username;

    @QueryParam("initiatedBy")
    @Schema(description = "only rows of this initiator (a username or system:<component>)")
    String initiatedBy;

    @QueryParam("event")
    @Schema(description = "only this event")
    StateEvent event;

    StateChangeQuery query() {
        return new StateChangeQuery(text(username), text(initiatedBy), event, from, to, limit(), after);
    }
}
