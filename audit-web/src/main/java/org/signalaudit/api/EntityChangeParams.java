package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.audit.EntityChangeQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /audit/entity-changes?type=&id=&initiatedBy=&requestId=&from=&to=&limit=&after=}. */
public class EntityChangeParams extends AuditParams {

    @QueryParam("type")
    @Schema(description = "only this entity name (UserAccount, Group)")
    String type;

    @QueryParam("id")
    @Schema(description = "only this entity's audit key")
    String id;

    @QueryParam("initiatedBy")
    @Schema(description = "only rows of this initiator")
    String initiatedBy;

    @QueryParam("requestId")
    @Schema(description = "only rows of this request")
    String requestId;

    EntityChangeQuery query() {
        return new EntityChangeQuery(text(type), text(id), text(initiatedBy), text(requestId), from, to, limit(), after);
    }
}
