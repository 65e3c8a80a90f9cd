package org.signalaudit.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The size of a keyset page, {@code limit} (1 to 200, 50 if absent), bound with
 * {@code @BeanParam} and checked by Bean Validation.
 */
public class PageParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final String LIMIT_RANGE = "must be an integer from 1 to " + MAX_LIMIT;

    @QueryParam("limit")
    @Schema(description = "rows per page, 1 to 200; 50 if absent")
    @Min(value = 1, message = LIMIT_RANGE)
    @Max(value = MAX_LIMIT, message = LIMIT_RANGE)
    Integer limit;

    int limit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** Blank is absent; the rest is compared as given, without the spaces around it. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
