package org.signalaudit.audit.seal;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.audit.IntegrityBreak;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.TableIntegrity;

/**
 * Re-verifies the whole sealed log every {@code audit.verify.interval} seconds (default 3600), on
 * every instance, with the same verify a SUPERADMIN runs. Each new checkpoint is already checked
 * against the one before it when it is sealed ({@link SealMonitor#checkConsistency}); this catches
 * what changes later under sealed rows. A failure is the monitor's: SEVERE once, counted,
 * readiness DOWN.
 */
@Singleton
@Startup
@DependsOn("Sealer")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ContinuousVerification {

    private static final Logger LOG = Logger.getLogger(ContinuousVerification.class.getName());

    @Resource
    TimerService timers;

    @Inject
    LogVerification verification;

    @Inject
    SealMonitor monitor;

    @Inject
    @ConfigProperty(name = "audit.verify.interval", defaultValue = "3600")
    long intervalSeconds;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    void verify() {
        IntegrityReport report;
        try {
            report = verification.verify();
        } catch (RuntimeException e) {
            LOG.warning(() -> "The scheduled verify of the audit log could not run: " + e.getMessage());
            return;
        }
        if (report.checkpointBreak() != null) {
            monitor.verificationFailed(describe(report.checkpointBreak()));
        }
        for (TableIntegrity table : report.tables()) {
            if (table.firstBreak() != null) {
                monitor.verificationFailed(describe(table.firstBreak()));
            }
        }
    }

    private static String describe(IntegrityBreak found) {
        return found.kind() + ": " + found.detail();
    }
}
