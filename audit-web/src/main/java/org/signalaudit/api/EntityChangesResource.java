package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.query.Page;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeView;

/**
 * The field-level history of audited entities, newest first, keyset-paginated (ADMIN and above,
 * enforced by the boundary). {@code type} is the entity name, {@code id} its audit key.
 */
@Path("audit/entity-changes")
@Produces(MediaType.APPLICATION_JSON)
public class EntityChangesResource {

    @Inject
    EntityChangeLog log;

    @GET
    public Page<EntityChangeView> entityChanges(@Valid @BeanParam EntityChangeParams params) {
        return log.entityChanges(params.query());
    }
}
