package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.account.Page;
import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;

/** The audit rows, newest first, keyset-paginated (ADMIN and above, enforced by the boundary). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Path("state-changes")
    public Page<StateChangeView> stateChanges(@QueryParam("username") String username,
                                              @QueryParam("initiatedBy") String initiatedBy,
                                              @QueryParam("event") String event,
                                              @QueryParam("from") String from,
                                              @QueryParam("to") String to,
                                              @QueryParam("limit") String limit,
                                              @QueryParam("after") String after) {
        return trail.stateChanges(new StateChangeQuery(QueryParams.text(username), QueryParams.text(initiatedBy),
                QueryParams.enumValue(StateEvent.class, "event", event), QueryParams.instant("from", from),
                QueryParams.instant("to", to), QueryParams.limit(limit), QueryParams.cursor(after)));
    }
}
