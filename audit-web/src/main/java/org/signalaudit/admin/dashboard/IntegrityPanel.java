package org.signalaudit.admin.dashboard;

import java.io.Serializable;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.admin.Notices;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.SealStatus;
import org.signalaudit.audit.SealedLog;
import org.signalaudit.audit.ReplayReport;

/**
 * The dashboard's integrity panel (shown to a SUPERADMIN; the boundary refuses anyone else): the
 * sealed log's latest checkpoint, its signature and the seal lag, read with the page; the verify
 * and the replay check, run when asked, since each reads whole tables.
 */
@Named
@ViewScoped
public class IntegrityPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditIntegrity integrity;

    @Inject
    SealedLog sealedLog;

    private IntegrityReport report;
    private ReplayReport replay;
    private SealStatus status;

    public void verify() {
        try {
            report = integrity.verify();
            replay = integrity.replayCheck();
        } catch (EJBAccessException e) {
            Notices.refused("Only a SUPERADMIN may verify the audit log.");
        }
    }

    public IntegrityReport getReport() {
        return report;
    }

    /** Read once per view: the checkpoint, whether its signature verifies, the lag. */
    public SealStatus getStatus() {
        if (status == null) {
            status = sealedLog.status();
        }
        return status;
    }

    public ReplayReport getReplay() {
        return replay;
    }
}
