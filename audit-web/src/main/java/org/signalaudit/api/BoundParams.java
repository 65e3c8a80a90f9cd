package org.signalaudit.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.container.ResourceContext;

/**
 * A table's own list parameters (e.g. {@link StateChangeParams}) bound from this request's query
 * string and checked by Bean Validation like the list's, for a resource that learns the table from a
 * parameter of its own (the export, the evidence pack): it takes exactly the filters the list does.
 */
final class BoundParams {

    private BoundParams() {
    }

    static <P> P of(P params, ResourceContext resources, Validator validator) {
        resources.initResource(params);
        var violations = validator.validate(params);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return params;
    }
}
