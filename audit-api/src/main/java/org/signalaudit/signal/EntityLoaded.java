package org.signalaudit.signal;

import java.util.Objects;

/**
 * An {@link Audited} entity was loaded into a persistence context (Django's post_init, JPA's
 * {@code @PostLoad}). A signal only: loads are not audited.
 */
public record EntityLoaded(String entityType, String entityId) {

    public EntityLoaded {
        Objects.requireNonNull(entityType, "entityType");
    }
}
