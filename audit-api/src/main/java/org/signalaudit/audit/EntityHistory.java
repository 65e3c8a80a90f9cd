package org.signalaudit.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Audited records as they were at a moment, rebuilt from their audit rows (ADMIN and above). The
 * moment is inclusive: a change made exactly then is part of the answer. Their changes, newest
 * first, are {@link EntityChangeLog#entityChanges} with the type and key.
 */
public interface EntityHistory {

    /** Any {@code @Audited} entity's attributes; empty if it did not exist then (not yet, or deleted). */
    Optional<EntityAsOf> entityAsOf(String entityType, String entityId, Instant asOf);

    /** A user's view; empty if the user had not been invited yet. */
    Optional<UserAsOf> userAsOf(String username, Instant asOf);
}
