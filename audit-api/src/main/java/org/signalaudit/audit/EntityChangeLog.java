package org.signalaudit.audit;

import org.signalaudit.query.Page;

/** Read access to {@code entity_audit}, the field-level history of audited entities, for ADMIN and above. */
public interface EntityChangeLog {

    /** Entity changes, newest first, keyset-paginated. */
    Page<EntityChangeView> entityChanges(EntityChangeQuery query);
}
