package org.signalaudit.audit.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.signalaudit.audit.entity.AuditRow;
import org.signalaudit.audit.entity.LoginAuditRow;
import org.signalaudit.signal.LoginSignal;
import org.signalaudit.signal.UserLoggedIn;
import org.signalaudit.signal.UserLoggedOut;
import org.signalaudit.signal.UserLoginFailed;

/**
 * Writes {@code login_audit}, each row in its own transaction: a refused sign-in is evidence and
 * must survive whatever happens to the request. It observes before any other receiver of these
 * signals (the lockout policy), so the row is written even if a later receiver fails.
 */
@ApplicationScoped
public class LoginAuditReceiver {

    static final int FIRST = Interceptor.Priority.APPLICATION;

    @Inject
    ProvenanceResolver provenance;

    @Inject
    AuditSwitch auditSwitch;

    @Inject
    AuditWriter writer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void loggedIn(@Observes @Priority(FIRST) UserLoggedIn signal) {
        write(signal);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void loggedOut(@Observes @Priority(FIRST) UserLoggedOut signal) {
        write(signal);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void loginFailed(@Observes @Priority(FIRST) UserLoginFailed signal) {
        write(signal);
    }

    private void write(LoginSignal signal) {
        if (!auditSwitch.on()) {
            return;
        }
        writer.insert(LoginAuditRow.of(signal, AuditRow.now(), provenance.request().orElse(null)));
    }
}
