package org.signalaudit.api;

import jakarta.ws.rs.QueryParam;

import org.signalaudit.audit.EntityChangeQuery;

/** {@code GET /audit/entity-changes?type=&id=&initiatedBy=&requestId=&from=&to=&limit=&after=}. */
public class EntityChangeParams extends AuditParams {

    @QueryParam("type")
    String type;

    @QueryParam("id")
    String id;

    @QueryParam("initiatedBy")
    String initiatedBy;

    @QueryParam("requestId")
    String requestId;

    EntityChangeQuery query() {
        return new EntityChangeQuery(text(type), text(id), text(initiatedBy), text(requestId), from, to, limit(), after);
    }
}
