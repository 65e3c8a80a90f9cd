package org.signalaudit.access;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.SignInFailure;

/**
 * The sign-in form of the admin screens. It hands the credential to the one authentication
 * mechanism through {@link SecurityContext#authenticate}, which keeps the caller in the session
 * and fires the login signals. Request-scoped: the password never outlives the request that
 * carried it (a view-scoped bean would keep it in the session).
 */
@Named
@RequestScoped
public class SignIn {

    public static final String PATH = "/admin/signin";
    static final String HOME = "/admin/";

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    RequestContext context;

    private String username;
    private String password;

    /**
     * Success: 302 to the dashboard. Refusal: 401 and the form again, with the reason. A database
     * that cannot be reached is no refusal: 503 and the page that says so.
     */
    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username.trim(), new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (external.getRequestMap().get(SignInMechanism.STORE_FAILURE) instanceof RuntimeException unavailable) {
            throw unavailable; // not a refusal: the screens' exception handler answers 503
        }
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + HOME);
            return;
        }
        external.setResponseStatus(HttpServletResponse.SC_UNAUTHORIZED);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Sign-in refused.",
                refusal(context.signInFailure())));
    }

    /**
     * Only someone who knows the password learns that the account is not active (the identity
     * store checks the password first), so the clearer message tells an outsider nothing.
     */
    static String refusal(SignInFailure reason) {
        if (reason == SignInFailure.DELAYED) {
            // The owner must know to wait rather than retry; the attacker who caused it knows anyway.
            return "Too many wrong passwords: sign-in to this account is paused for a while. Try again later.";
        }
        return reason == SignInFailure.NOT_ACTIVE
                ? "This account is not active (invited, locked or deactivated): ask an administrator."
                : "The user name or the password is wrong.";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
