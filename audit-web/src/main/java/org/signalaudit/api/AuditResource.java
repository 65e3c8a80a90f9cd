package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.account.Page;
import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;

/**
 * The audit rows, newest first, keyset-paginated (ADMIN and above), and the integrity checks over
 * them (SUPERADMIN); the boundaries enforce the roles.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditIntegrity integrity;

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

    @GET
    @Path("requests")
    public Page<RequestView> requests(@QueryParam("actor") String actor,
                                      @QueryParam("status") String status,
                                      @QueryParam("from") String from,
                                      @QueryParam("to") String to,
                                      @QueryParam("path") String path,
                                      @QueryParam("limit") String limit,
                                      @QueryParam("after") String after) {
        return trail.requests(new RequestQuery(QueryParams.text(actor), QueryParams.status(status),
                QueryParams.instant("from", from), QueryParams.instant("to", to), QueryParams.text(path),
                QueryParams.limit(limit), QueryParams.cursor(after)));
    }

    @GET
    @Path("requests/{requestId}")
    public RequestDetail request(@PathParam("requestId") String requestId) {
        return trail.request(requestId)
                .orElseThrow(() -> new NotFoundException("No audit row carries the request id " + requestId));
    }

    @GET
    @Path("logins")
    public Page<LoginView> logins(@QueryParam("username") String username,
                                  @QueryParam("event") String event,
                                  @QueryParam("from") String from,
                                  @QueryParam("to") String to,
                                  @QueryParam("limit") String limit,
                                  @QueryParam("after") String after) {
        return trail.logins(new LoginQuery(QueryParams.text(username), QueryParams.loginEvent(event),
                QueryParams.instant("from", from), QueryParams.instant("to", to), QueryParams.limit(limit),
                QueryParams.cursor(after)));
    }

    /** Re-derives the sealed log from the rows (SUPERADMIN): intact, or the first row or checkpoint that breaks it. */
    @GET
    @Path("verify")
    public IntegrityReport verify() {
        return integrity.verify();
    }

    /** Replays every user's state changes and compares the result with the store (SUPERADMIN). */
    @GET
    @Path("replay-check")
    public ReplayReport replayCheck() {
        return integrity.replayCheck();
    }
}
