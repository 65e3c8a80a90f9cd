package org.signalaudit.signal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A bulk JPQL or Criteria UPDATE or DELETE ran against an {@link Audited} entity: rows changed
 * without any entity passing through the persistence context, so no {@link EntityChanged} was
 * fired for them. Fired synchronously, inside the transaction, right after the statement.
 * {@code parameters} are the statement's bound values by name, masked when the statement writes
 * a masked attribute or when the parameter's own name says it is a secret.
 */
public record BulkChanged(String entityType, ChangeKind kind, String statement, Map<String, Object> parameters,
                          int rowsAffected, String initiator, String requestId) {

    public BulkChanged {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(kind, "kind");
        if (kind == ChangeKind.CREATE) {
            throw new IllegalArgumentException("A bulk statement updates or deletes");
        }
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("A bulk change always has an initiator");
        }
    }
}
