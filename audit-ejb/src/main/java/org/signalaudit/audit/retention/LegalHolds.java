package org.signalaudit.audit.retention;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditHolds;
import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.PlaceHold;
import org.signalaudit.audit.RetentionRefusedException;
import org.signalaudit.audit.UnknownHoldException;
import org.signalaudit.store.TransactionConnection;

/**
 * Legal holds, placed and released by a SUPERADMIN: each change and its trail row in one
 * transaction. A hold placed while a month is being retired waits for that month's commit
 * ({@link RetentionSteps} locks the table), so a run never misses a hold it could have seen.
 */
@Stateless
@RolesAllowed(Role.SUPERADMIN_NAME)
public class LegalHolds implements AuditHolds {

    @Inject
    TransactionConnection transaction;

    @Inject
    RetentionTrail trail;

    @Resource
    SessionContext caller;

    @Override
    public List<HoldView> list() {
        return jdbc(HoldRows::all);
    }

    @Override
    public HoldView place(PlaceHold command) {
        String actor = caller.getCallerPrincipal().getName();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        HoldView hold = jdbc(connection -> HoldRows.find(connection, HoldRows.insert(connection, command, actor, now))
                .orElseThrow());
        trail.record("HOLD", actor, "legal hold " + hold.id() + " placed on " + scope(hold) + "; reason: " + hold.reason());
        return hold;
    }

    @Override
    public HoldView release(long id, String reason) {
        String actor = caller.getCallerPrincipal().getName();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        HoldView hold = jdbc(connection -> {
            HoldRows.find(connection, id).orElseThrow(() -> new UnknownHoldException(id));
            if (!HoldRows.release(connection, id, actor, reason, now)) {
                throw new RetentionRefusedException("The legal hold " + id + " is released already");
            }
            return HoldRows.find(connection, id).orElseThrow();
        });
        trail.record("RELEASE", actor, "legal hold " + id + " on " + scope(hold) + " released; reason: " + reason);
        return hold;
    }

    private static String scope(HoldView hold) {
        return (hold.username() == null ? "" : "user " + hold.username() + ", ") + AuditMonths.range(hold);
    }

    private <T> T jdbc(TransactionConnection.Work<T> work) {
        try {
            return transaction.apply(work);
        } catch (SQLException e) {
            throw new IllegalStateException("The legal holds could not be read or written", e);
        }
    }
}
