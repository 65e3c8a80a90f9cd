package org.signalaudit.audit.boundary;

import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditExport;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.reader.EntityChangeReader;
import org.signalaudit.audit.reader.LoginReader;
import org.signalaudit.audit.reader.RequestReader;
import org.signalaudit.audit.reader.StateChangeReader;

/**
 * Exports stream through the readers' cursor, in one read-only transaction (the driver's cursor
 * needs one), so the rows come from one snapshot of the table.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditExports implements AuditExport {

    @Inject
    StateChangeReader states;

    @Inject
    EntityChangeReader entities;

    @Inject
    RequestReader requests;

    @Inject
    LoginReader logins;

    @Override
    public void stateChanges(StateChangeQuery query, Consumer<StateChangeView> row) {
        states.each(query, row);
    }

    @Override
    public void entityChanges(EntityChangeQuery query, Consumer<EntityChangeView> row) {
        entities.each(query, row);
    }

    @Override
    public void requests(RequestQuery query, Consumer<RequestView> row) {
        requests.each(query, row);
    }

    @Override
    public void logins(LoginQuery query, Consumer<LoginView> row) {
        logins.each(query, row);
    }
}
