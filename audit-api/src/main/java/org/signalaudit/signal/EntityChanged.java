package org.signalaudit.signal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The model signal (Django's pre_save/post_save/pre_delete/post_delete in one type): an
 * {@link Audited} entity is created, updated or deleted. Fired synchronously twice per change, PRE
 * then POST, inside the transaction of the change, and once more asynchronously to
 * {@code @ObservesAsync} receivers after that transaction committed (POST only).
 *
 * <p>{@code changes} holds exactly the attributes that changed, by attribute name, with masked
 * values already masked and ignored attributes absent. An update that changes nothing signals
 * nothing. {@code entityId} is the entity's audit key; it may be null in the PRE phase of a CREATE
 * whose key is a generated id.
 */
public record EntityChanged(String entityType, String entityId, ChangeKind kind, ChangePhase phase,
                            Map<String, FieldChange> changes, String initiator, String requestId) {

    public EntityChanged {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("An entity change always has an initiator");
        }
        changes = Collections.unmodifiableMap(new TreeMap<>(changes));
    }
}
