package org.signalaudit.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.signalaudit.account.StateEvent;
import org.signalaudit.audit.AuditRowMetric;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.EntityChanged;
import org.signalaudit.signal.Initiators;
import org.signalaudit.signal.UserLoginFailed;
import org.signalaudit.signal.UserStateChanged;

/**
 * The MicroProfile metrics of the business tier, from the same signals the audit receivers
 * write from, and only for changes that committed (a rolled-back change has no row to count):
 * <ul>
 * <li>{@code audit_rows_written_total{table="user_state_audit"}}: one per committed state change
 * (the receiver writes exactly one row each); {@code table="entity_audit"}: one per committed
 * change of an audited entity and per bulk statement on one;</li>
 * <li>{@code audit_lockouts_total}: accounts locked by the lockout policy;</li>
 * <li>{@code audit_sign_in_failures_total{reason="..."}}: refused sign-ins, by reason.</li>
 * </ul>
 * The request and login rows are counted where they are written, in the web tier. Counters
 * are this instance's own: they decide nothing.
 */
@ApplicationScoped
public class AuditCounters {

    /** The initiator security.LockoutPolicy writes. */
    private static final String LOCKOUT_POLICY = Initiators.system("lockout-policy");

    @Inject
    MetricRegistry metrics;

    private Counter stateRows;
    private Counter entityRows;
    private Counter lockouts;

    /**
     * Created with the application, not by its first signal: that may arrive at the completion of a
     * transaction on a thread that is not the application's (a timer's, the transaction reaper's),
     * where Payara Server finds no application to give a MetricRegistry to.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct registers the counters
    }

    @PostConstruct
    void register() {
        stateRows = rowsOf("user_state_audit");
        entityRows = rowsOf("entity_audit");
        lockouts = metrics.counter(Metadata.builder().withName("audit_lockouts")
                .withDescription("Accounts locked by the lockout policy after too many wrong passwords").build());
    }

    void stateChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserStateChanged change) {
        stateRows.inc();
        if (change.event() == StateEvent.LOCK && LOCKOUT_POLICY.equals(change.initiator())) {
            lockouts.inc();
        }
    }

    void entityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (change.phase() == ChangePhase.POST) {
            entityRows.inc();
        }
    }

    void bulkChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BulkChanged bulk) {
        entityRows.inc();
    }

    void signInRefused(@Observes UserLoginFailed failure) {
        metrics.counter(Metadata.builder().withName("audit_sign_in_failures")
                .withDescription("Refused sign-ins (form or HTTP Basic), by reason").build(),
                new Tag("reason", failure.reason().name())).inc();
    }

    private Counter rowsOf(String table) {
        return metrics.counter(Metadata.builder().withName(AuditRowMetric.NAME)
                .withDescription(AuditRowMetric.DESCRIPTION).build(), new Tag(AuditRowMetric.TABLE, table));
    }
}
