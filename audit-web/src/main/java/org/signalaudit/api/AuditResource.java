package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.query.Page;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestView;
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
    public Page<StateChangeView> stateChanges(@Valid @BeanParam StateChangeParams params) {
        return trail.stateChanges(params.query());
    }

    @GET
    @Path("requests")
    public Page<RequestView> requests(@Valid @BeanParam RequestParams params) {
        return trail.requests(params.query());
    }

    @GET
    @Path("requests/{requestId}")
    public RequestDetail request(@PathParam("requestId") String requestId) {
        return trail.request(requestId)
                .orElseThrow(() -> new NotFoundException("No audit row carries the request id " + requestId));
    }

    @GET
    @Path("logins")
    public Page<LoginView> logins(@Valid @BeanParam LoginParams params) {
        return trail.logins(params.query());
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
