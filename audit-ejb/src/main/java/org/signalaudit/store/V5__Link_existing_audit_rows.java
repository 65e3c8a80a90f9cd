package org.signalaudit.store;

import java.util.logging.Logger;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.signalaudit.audit.chain.UnlinkedRows;

/**
 * Links the audit rows written before version 4 into their tables' new chains, with the same
 * digest the application uses, so that V6 can make the chain columns required. Java, not SQL:
 * the digest is the application's, and one implementation of it is enough.
 */
public class V5__Link_existing_audit_rows extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V5__Link_existing_audit_rows.class.getName());

    @Override
    public void migrate(Context context) throws Exception {
        long linked = UnlinkedRows.link(context.getConnection());
        LOG.info(() -> "Linked " + linked + " audit rows written before the hash chains");
    }
}
