package org.signalaudit.audit.boundary;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.reader.AuditReaders;
import org.signalaudit.query.Page;

/**
 * The audit rows for the API, newest first, in keyset pages (a deep page costs what the first one
 * costs), through the readers of {@code audit.reader}.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class AuditQueries implements AuditTrail {

    @Inject
    AuditReaders readers;

    @Override
    public Page<StateChangeView> stateChanges(StateChangeQuery query) {
        return readers.states().page(query);
    }

    @Override
    public Page<RequestView> requests(RequestQuery query) {
        return readers.requests().page(query);
    }

    @Override
    public Page<LoginView> logins(LoginQuery query) {
        return readers.logins().page(query);
    }

    @Override
    public Optional<RequestDetail> request(String requestId) {
        var request = readers.requests().ofRequest(requestId);
        var stateRows = readers.states().ofRequest(requestId);
        var entityRows = readers.entities().ofRequest(requestId);
        var loginRows = readers.logins().ofRequest(requestId);
        if (request.isEmpty() && stateRows.isEmpty() && entityRows.isEmpty() && loginRows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RequestDetail(request.isEmpty() ? null : request.get(0), stateRows, entityRows,
                loginRows));
    }
}
