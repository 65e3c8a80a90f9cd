package org.signalaudit.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.signalaudit.account.AccountException;
import org.signalaudit.trail.RequestOutcome;

/** The messages a screen shows its user, kept across the redirect after a successful POST. */
public final class Notices {

    private Notices() {
    }

    public static void done(String summary) {
        add(FacesMessage.SEVERITY_INFO, summary);
    }

    public static void refused(String summary) {
        add(FacesMessage.SEVERITY_ERROR, summary);
    }

    /**
     * A refusal of the boundary (the last superadmin, an illegal transition): shown, and kept in
     * the request's trail row, as the API's problem answer would be.
     */
    public static void refused(AccountException refusal) {
        refused(refusal.getMessage());
        CDI.current().select(RequestOutcome.class).get().refused(refusal);
    }

    /** Post-redirect-get: the message survives the redirect through the flash scope. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
