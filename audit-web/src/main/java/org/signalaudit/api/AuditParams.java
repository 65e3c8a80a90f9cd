package org.signalaudit.api;

import java.time.Instant;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters every audit table's list shares ({@code from}, {@code to}, {@code limit},
 * {@code after}), bound by JAX-RS ({@code @BeanParam}), converted by {@link ParameterConverters}
 * and checked by Bean Validation. Each table's parameters add their own filters; an entity's
 * history takes these alone.
 */
public class AuditParams extends PageParams {

    @QueryParam("from")
    Instant from;

    @QueryParam("to")
    Instant to;

    @QueryParam("after")
    Long after;
}
