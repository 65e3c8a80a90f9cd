package org.signalaudit.api;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.EntityAsOf;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.EntityHistory;
import org.signalaudit.query.Page;

/**
 * One audited entity through its audit rows (ADMIN and above, enforced by the boundaries):
 * its attributes as of a moment (now if none is given), and its changes, newest first.
 * {@code type} is the entity name ({@code UserAccount}, {@code Group}), {@code id} its audit key.
 */
@Path("audit/entities/{type}/{id}")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EntitiesResource {

    @Inject
    EntityHistory history;

    @Inject
    EntityChangeLog log;

    @GET
    @Operation(operationId = "entityAsOf", summary = "Read an audited entity as of a moment",
            description = "The entity's audited attributes at asOf (now if none is given), rebuilt from its entity_audit rows. type is the entity name (UserAccount, Group), id its audit key.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The entity as it was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntityAsOf")))
    @APIResponse(responseCode = "404", description = "No such entity existed at that moment")
    public EntityAsOf asOf(@PathParam("type") String type, @PathParam("id") String id,
                           @Parameter(description = "an ISO-8601 instant; now if absent",
                                   schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                           @QueryParam("asOf") Instant asOf) {
        Instant moment = asOf == null ? Instant.now() : asOf;
        return history.entityAsOf(type, id, moment).orElseThrow(() -> new NotFoundException(
                "No " + type + " '" + id + "' existed at " + moment));
    }

    @GET
    @Path("history")
    @Operation(operationId = "entityHistory", summary = "List an audited entity's changes",
            description = "The entity's entity_audit rows, newest first, keyset-paginated. Filters are query parameters; from and to are ISO-8601 instants; limit (1 to 200, default 50) and after (the next of the previous page) page through them.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntityChangeViewPage")))
    public Page<EntityChangeView> history(@PathParam("type") String type, @PathParam("id") String id,
                                          @Valid @BeanParam AuditParams page) {
        return log.entityChanges(new EntityChangeQuery(type, id, null, null, page.from, page.to, page.limit(),
                page.after));
    }
}
