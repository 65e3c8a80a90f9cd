package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.query.Page;

/**
 * The field-level history of audited entities, newest first, keyset-paginated (ADMIN and above,
 * enforced by the boundary). {@code type} is the entity name, {@code id} its audit key.
 */
@Path("audit/entity-changes")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EntityChangesResource {

    @Inject
    EntityChangeLog log;

    @GET
    @Operation(operationId = "listEntityChanges", summary = "List entity changes",
            description = "The entity_audit rows, newest first, keyset-paginated; filters: type, id, initiatedBy, requestId, from, to. Filters are query parameters; from and to are ISO-8601 instants; limit (1 to 200, default 50) and after (the next of the previous page) page through them.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntityChangeViewPage")))
    public Page<EntityChangeView> entityChanges(@Valid @BeanParam EntityChangeParams params) {
        return log.entityChanges(params.query());
    }
}
