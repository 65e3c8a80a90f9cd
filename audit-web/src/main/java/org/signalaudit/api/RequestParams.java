package org.signalaudit.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.signalaudit.audit.RequestQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /audit/requests?actor=&status=&category=&from=&to=&path=&limit=&after=}. */
public class RequestParams extends AuditParams {

    static final String STATUS_RANGE = "must be an HTTP status code such as 404";

    @QueryParam("actor")
    @Schema(description = "only requests of this signed-in user")
    String actor;

    @QueryParam("status")
    @Schema(description = "only requests answered with this HTTP status")
    @Min(value = 100, message = STATUS_RANGE)
    @Max(value = 599, message = STATUS_RANGE)
    Integer status;

    @QueryParam("category")
    @Schema(description = "only this kind of request")
    @Pattern(regexp = "READ|WRITE|AUTH|AUDIT_READ", message = "must be one of READ, WRITE, AUTH, AUDIT_READ")
    String category;

    @QueryParam("path")
    @Schema(description = "only paths starting with this")
    String path;

    RequestQuery query() {
        return new RequestQuery(text(actor), status, text(category), from, to, text(path), limit(), after);
    }
}
