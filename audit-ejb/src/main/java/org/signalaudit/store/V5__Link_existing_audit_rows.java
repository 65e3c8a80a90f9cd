package org.signalaudit.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once linked the rows written before the hash chains into them. The chains are gone since V11
 * (the sealed log, docs/INTEGRITY.md), and V10 carries every row, linked or not, into the Merkle
 * tree; this version stays, empty, because databases that applied it keep it in Flyway's history,
 * and a version missing from the code fails Flyway's validation.
 */
public class V5__Link_existing_audit_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // Nothing left to do: see the class comment.
    }
}
