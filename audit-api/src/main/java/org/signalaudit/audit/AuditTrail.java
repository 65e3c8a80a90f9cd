package org.signalaudit.audit;

import java.util.Optional;

import org.signalaudit.query.Page;

/** Read access to the audit rows, for ADMIN and above. Lists are newest first, keyset-paginated. */
public interface AuditTrail {

    Page<StateChangeView> stateChanges(StateChangeQuery query);

    Page<RequestView> requests(RequestQuery query);

    Page<LoginView> logins(LoginQuery query);

    /** The request's trail row with every state and login row it caused; empty when unknown. */
    Optional<RequestDetail> request(String requestId);
}
