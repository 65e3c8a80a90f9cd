package org.signalaudit.audit;

import org.signalaudit.account.Page;

/** Read access to the audit rows, for ADMIN and above. */
public interface AuditTrail {

    /** State changes, newest first, keyset-paginated. */
    Page<StateChangeView> stateChanges(StateChangeQuery query);
}
