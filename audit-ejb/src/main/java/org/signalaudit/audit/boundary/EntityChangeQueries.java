package org.signalaudit.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.reader.EntityChangeReader;
import org.signalaudit.query.Page;

/** {@code entity_audit} for the API, newest first, in keyset pages. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class EntityChangeQueries implements EntityChangeLog {

    @Inject
    EntityChangeReader entities;

    @Override
    public Page<EntityChangeView> entityChanges(EntityChangeQuery query) {
        return entities.page(query);
    }
}
