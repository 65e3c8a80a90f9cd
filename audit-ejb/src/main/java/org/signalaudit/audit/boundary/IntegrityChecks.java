package org.signalaudit.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.control.StateReplay;
import org.signalaudit.audit.seal.LogVerification;
import org.signalaudit.store.SchemaMigration;

/**
 * The verify and the replay check, for the superadmin. Each reads one snapshot of the store (a
 * read-only REPEATABLE READ transaction of its own, outside any container transaction): writers go
 * on meanwhile, and what they commit during the walk is simply not part of it.
 */
@Stateless
@RolesAllowed(Role.SUPERADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrityChecks implements AuditIntegrity {

    @Inject
    SchemaMigration store;

    @Inject
    LogVerification verification;

    @Override
    public IntegrityReport verify() {
        return verification.verify();
    }

    @Override
    public ReplayReport replayCheck() {
        return LogVerification.inSnapshot(store.dataSource(), StateReplay::run);
    }
}
