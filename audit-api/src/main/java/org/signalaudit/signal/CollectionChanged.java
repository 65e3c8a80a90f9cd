package org.signalaudit.signal;

import java.util.List;
import java.util.Objects;

/**
 * Members joined or left a collection (a many-to-many) of an {@link Audited} entity: Django's
 * m2m_changed. Fired once per collection and change, after the SQL, in the transaction of the
 * change, and asynchronously after the commit like {@link EntityChanged}. Members are named by
 * their audit key (a username, a group name).
 */
public record CollectionChanged(String entityType, String entityId, String collection, List<String> added,
                                List<String> removed, String initiator, String requestId) {

    public CollectionChanged {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(collection, "collection");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("A collection change always has an initiator");
        }
    }
}
