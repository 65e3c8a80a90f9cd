package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.audit.EntityChangeQuery;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /audit/entity-changes?type=&id=&initiatedBy=&requestId=&from=&to=&limit=&after=}. */
public class EntityChangeParams extends AuditParams {

    @QueryParam("type")
    @Parameter(description = "only this entity name (UserAccount, Group)")
    String type;

    @QueryParam("id")
    @Parameter(description = "only this entity's audit key")
    String id;

    @QueryParam("initiatedBy")
    @Parameter(description = "only rows of this initiator")
    String initiatedBy;

    @QueryParam("requestId")
    @Parameter(description = "only rows of this request")
    String requestId;

    EntityChangeQuery query() {
        return new EntityChangeQuery(text(type), text(id), text(initiatedBy), text(requestId), from, to, limit(), after);
    }
}
