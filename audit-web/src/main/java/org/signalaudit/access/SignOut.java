package org.signalaudit.access;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Ends the admin session from the sign-out button of every screen: a Faces POST, so it carries
 * the view state and no other site can sign an administrator out. {@code logout()} reaches the
 * mechanism's {@code cleanSubject}, which fires {@code UserLoggedOut}; then the session goes.
 */
@Named
@RequestScoped
public class SignOut {

    @Inject
    FacesContext faces;

    public void signOut() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + SignIn.PATH);
    }
}
