package org.signalaudit.audit.retention;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditRetention;
import org.signalaudit.audit.RetentionRun;
import org.signalaudit.audit.RetentionSchedule;
import org.signalaudit.audit.RunRetention;

/** The SUPERADMIN's retention: a run now, in the caller's name, and the schedule. */
@Stateless
@RolesAllowed(Role.SUPERADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionRuns implements AuditRetention {

    @Inject
    Retention retention;

    @Resource
    SessionContext caller;

    @Override
    public RetentionRun run(RunRetention command) {
        return retention.run(caller.getCallerPrincipal().getName(), command.reason());
    }

    @Override
    public RetentionSchedule schedule() {
        return retention.schedule();
    }
}
