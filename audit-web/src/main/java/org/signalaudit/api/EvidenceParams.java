package org.signalaudit.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /audit/evidence?table=state|entity|login|request}, plus the filters of that table's
 * list ({@link StateChangeParams}, {@link EntityChangeParams}, {@link RequestParams},
 * {@link LoginParams}), {@code from} and {@code to} among them; {@code limit} and {@code after}
 * do not apply.
 */
public class EvidenceParams {

    @QueryParam("table")
    @Schema(description = "the table whose rows the pack proves")
    @NotNull(message = "must be one of state, entity, login, request")
    @Pattern(regexp = "state|entity|login|request", message = "must be one of state, entity, login, request")
    String table;
}
