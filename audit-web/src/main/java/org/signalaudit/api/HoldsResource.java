package org.signalaudit.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditHolds;
import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.PlaceHold;

/** Legal holds on the audit log (SUPERADMIN, enforced by the boundary; docs/INTEGRITY.md, "Retention"). */
@Path("audit/holds")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class HoldsResource {

    @Inject
    AuditHolds holds;

    @GET
    @Operation(operationId = "listHolds", summary = "List legal holds",
            description = "Every legal hold, active ones first, newest first.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The holds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HoldView.class)))
    public List<HoldView> list() {
        return holds.list();
    }

    @POST
    @Operation(operationId = "placeHold", summary = "Place a legal hold",
            description = "Holds the rows of a user (as subject or actor) and/or of a time range [from, to): while "
                    + "the hold is active, retention drops no month that holds such a row. Recorded in the request "
                    + "trail (category RETENTION).")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "201", description = "The hold; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HoldView")))
    public Response place(@NotNull @Valid PlaceHold command, @Context UriInfo uri) {
        HoldView placed = holds.place(command);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(placed.id())).build()).entity(placed)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "releaseHold", summary = "Release a legal hold",
            description = "Releases the hold: the months it kept are dropped by the next retention run that finds "
                    + "them due. Recorded in the request trail (category RETENTION).")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The hold, released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HoldView")))
    @APIResponse(responseCode = "404", description = "No hold has this id")
    @APIResponse(responseCode = "409", description = "The hold is released already")
    public HoldView release(@Parameter(description = "the hold's id", required = true) @PathParam("id") long id,
                            @Valid @BeanParam ReleaseParams params) {
        return holds.release(id, params.reason);
    }
}
