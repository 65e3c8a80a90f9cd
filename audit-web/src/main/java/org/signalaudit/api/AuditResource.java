package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.query.Page;

/**
 * The audit rows, newest first, keyset-paginated (ADMIN and above), and the integrity checks over
 * them (SUPERADMIN); the boundaries enforce the roles.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditIntegrity integrity;

    @GET
    @Path("state-changes")
    @Operation(operationId = "listStateChanges", summary = "List state changes",
            description = "The user_state_audit rows, newest first, keyset-paginated; filters: username, initiatedBy, event, from, to. Filters are query parameters; from and to are ISO-8601 instants; limit (1 to 200, default 50) and after (the next of the previous page) page through them.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StateChangeViewPage")))
    public Page<StateChangeView> stateChanges(@Valid @BeanParam StateChangeParams params) {
        return trail.stateChanges(params.query());
    }

    @GET
    @Path("requests")
    @Operation(operationId = "listRequests", summary = "List requests",
            description = "The request_audit rows, newest first, keyset-paginated; filters: actor, status, path, category, from, to. Filters are query parameters; from and to are ISO-8601 instants; limit (1 to 200, default 50) and after (the next of the previous page) page through them.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RequestViewPage")))
    public Page<RequestView> requests(@Valid @BeanParam RequestParams params) {
        return trail.requests(params.query());
    }

    @GET
    @Path("requests/{requestId}")
    @Operation(operationId = "findRequest", summary = "Read everything one request did",
            description = "The request's trail row and every audit row that carries its request id.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The request and its rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RequestDetail")))
    @APIResponse(responseCode = "404", description = "No audit row carries this request id")
    public RequestDetail request(@PathParam("requestId") String requestId) {
        return trail.request(requestId)
                .orElseThrow(() -> new NotFoundException("No audit row carries the request id " + requestId));
    }

    @GET
    @Path("logins")
    @Operation(operationId = "listLogins", summary = "List sign-ins",
            description = "The login_audit rows (sign-ins, sign-outs, refusals), newest first, keyset-paginated; filters: username, event, from, to. Filters are query parameters; from and to are ISO-8601 instants; limit (1 to 200, default 50) and after (the next of the previous page) page through them.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoginViewPage")))
    public Page<LoginView> logins(@Valid @BeanParam LoginParams params) {
        return trail.logins(params.query());
    }

    /** Re-derives the sealed log from the rows (SUPERADMIN): intact, or the first row or checkpoint that breaks it. */
    @GET
    @Path("verify")
    @Operation(operationId = "verifyAuditLog", summary = "Verify the sealed audit log",
            description = "Re-hashes every sealed row, re-derives the tree and checks every checkpoint's signature and consistency: intact, or the first row or checkpoint that breaks it.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IntegrityReport")))
    public IntegrityReport verify() {
        return integrity.verify();
    }

    /** Replays every user's state changes and compares the result with the store (SUPERADMIN). */
    @GET
    @Path("replay-check")
    @Operation(operationId = "replayCheck", summary = "Replay every user's state changes",
            description = "Replays every user's user_state_audit rows through the state machine and compares the result with the state the store holds.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReplayReport")))
    public ReplayReport replayCheck() {
        return integrity.replayCheck();
    }
}
