package org.signalaudit.audit;

import java.util.function.Consumer;

/**
 * Every row of an audit table that a query keeps, oldest first, handed over one at a time as
 * batches are read, so that an export of any length holds one batch in memory (ADMIN and above).
 * {@code limit} and {@code after} of the query are ignored. The consumer should write the row out
 * and return.
 */
public interface AuditExport {

    void stateChanges(StateChangeQuery query, Consumer<StateChangeView> row);

    void entityChanges(EntityChangeQuery query, Consumer<EntityChangeView> row);

    void requests(RequestQuery query, Consumer<RequestView> row);

    void logins(LoginQuery query, Consumer<LoginView> row);

    /** The rows of one table that the audit log screen's filter keeps, as its export button asks. */
    void filtered(Table table, AuditFilter filter, Consumer<Record> row);

    /** The audit tables, by the names the export uses. */
    enum Table {
        STATE(StateChangeView.class), ENTITY(EntityChangeView.class), REQUEST(RequestView.class),
        LOGIN(LoginView.class);

        private final Class<? extends Record> rows;

        Table(Class<? extends Record> rows) {
            this.rows = rows;
        }

        /** The view each row of the table is exported as. */
        public Class<? extends Record> rows() {
            return rows;
        }
    }
}
