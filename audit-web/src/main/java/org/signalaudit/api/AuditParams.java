package org.signalaudit.api;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The query parameters every audit table's list shares ({@code from}, {@code to}, {@code limit},
 * {@code after}), bound by JAX-RS ({@code @BeanParam}), converted by {@link ParameterConverters}
 * and checked by Bean Validation. Each table's parameters add their own filters; an entity's
 * history takes these alone.
 */
public class AuditParams extends PageParams {

    @QueryParam("from")
    @Schema(description = "only rows at or after this ISO-8601 instant")
    Instant from;

    @QueryParam("to")
    @Schema(description = "only rows before this ISO-8601 instant")
    Instant to;

    @QueryParam("after")
    @Schema(description = "the next of the previous page")
    Long after;
}
