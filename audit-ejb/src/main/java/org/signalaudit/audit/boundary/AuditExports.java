package org.signalaudit.audit.boundary;

import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditExport;
import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.reader.AuditReaders;

/**
 * Exports stream through the readers' keyset batches, outside any transaction: each batch is read
 * in a persistence context of its own and forgotten once written, so memory stays flat however
 * long the export, and no transaction stays open for its length. Rows appended meanwhile with a
 * higher id than those read so far are part of the export (the log only grows).
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditExports implements AuditExport {

    @Inject
    AuditReaders readers;

    @Override
    public void stateChanges(StateChangeQuery query, Consumer<StateChangeView> row) {
        readers.states().each(query, row);
    }

    @Override
    public void entityChanges(EntityChangeQuery query, Consumer<EntityChangeView> row) {
        readers.entities().each(query, row);
    }

    @Override
    public void requests(RequestQuery query, Consumer<RequestView> row) {
        readers.requests().each(query, row);
    }

    @Override
    public void logins(LoginQuery query, Consumer<LoginView> row) {
        readers.logins().each(query, row);
    }

    @Override
    public void filtered(Table table, AuditFilter filter, Consumer<Record> row) {
        switch (table) {
            case STATE -> readers.states().each(filter, row::accept);
            case ENTITY -> readers.entities().each(filter, row::accept);
            case REQUEST -> readers.requests().each(filter, row::accept);
            case LOGIN -> readers.logins().each(filter, row::accept);
        }
    }
}
