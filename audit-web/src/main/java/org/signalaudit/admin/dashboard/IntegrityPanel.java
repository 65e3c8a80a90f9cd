package org.signalaudit.admin.dashboard;

import java.io.Serializable;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.admin.Notices;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.ChainReport;
import org.signalaudit.audit.ReplayReport;

/**
 * The dashboard's integrity panel (shown to a SUPERADMIN; the boundary refuses anyone else): the
 * verify of the hash chains and the replay check, run when asked, since each walks whole tables.
 */
@Named
@ViewScoped
public class IntegrityPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditIntegrity integrity;

    private ChainReport chains;
    private ReplayReport replay;

    public void verify() {
        try {
            chains = integrity.verify();
            replay = integrity.replayCheck();
        } catch (EJBAccessException e) {
            Notices.refused("Only a SUPERADMIN may verify the audit log.");
        }
    }

    public ChainReport getChains() {
        return chains;
    }

    public ReplayReport getReplay() {
        return replay;
    }
}
