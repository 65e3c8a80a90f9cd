package org.signalaudit.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

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

    /** Post-redirect-get: the message survives the redirect through the flash scope. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(FacesMessage.Severity severity, String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, null));
    }
}
