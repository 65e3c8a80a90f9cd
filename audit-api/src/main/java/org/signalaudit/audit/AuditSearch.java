package org.signalaudit.audit;

import org.signalaudit.query.Slice;

/**
 * The audit log as the admin screens read it: counted pages, newest first, so that a paginator can
 * jump to any page, and the activity of the last days for the dashboard. ADMIN and above. The API
 * keeps the keyset pages of {@link AuditTrail}, which suit exports of any length.
 */
public interface AuditSearch {

    /** Rows per page a screen may ask for at most. */
    int MAX_ROWS = 100;

    Slice<StateChangeView> stateChanges(AuditFilter filter, int first, int max);

    Slice<EntityChangeView> entityChanges(AuditFilter filter, int first, int max);

    Slice<RequestView> requests(AuditFilter filter, int first, int max);

    Slice<LoginView> logins(AuditFilter filter, int first, int max);

    /** The rows written on each of the last {@code days} days (UTC), today included. */
    Activity activity(int days);
}
