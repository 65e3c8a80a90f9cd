package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.account.Page;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
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
    public Page<EntityChangeView> entityChanges(@QueryParam("type") String type,
                                                @QueryParam("id") String id,
                                                @QueryParam("initiatedBy") String initiatedBy,
                                                @QueryParam("requestId") String requestId,
                                                @QueryParam("from") String from,
                                                @QueryParam("to") String to,
                                                @QueryParam("limit") String limit,
                                                @QueryParam("after") String after) {
        return log.entityChanges(new EntityChangeQuery(QueryParams.text(type), QueryParams.text(id),
                QueryParams.text(initiatedBy), QueryParams.text(requestId), QueryParams.instant("from", from),
                QueryParams.instant("to", to), QueryParams.limit(limit), QueryParams.cursor(after)));
    }
}
