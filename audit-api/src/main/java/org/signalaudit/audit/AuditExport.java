package org.signalaudit.audit;

import java.util.function.Consumer;

/**
 * Every row of an audit table that a query keeps, oldest first, handed over one at a time while
 * the database cursor moves on, so that an export of any length holds one row in memory (ADMIN
 * and above). {@code limit} and {@code after} of the query are ignored. The consumer runs in the
 * export's transaction: it should write the row out and return.
 */
public interface AuditExport {

    void stateChanges(StateChangeQuery query, Consumer<StateChangeView> row);

    void entityChanges(EntityChangeQuery query, Consumer<EntityChangeView> row);

    void requests(RequestQuery query, Consumer<RequestView> row);

    void logins(LoginQuery query, Consumer<LoginView> row);
}
