package org.signalaudit.access;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin screens' sign-in form. The POST hands the credential to the one authentication
 * mechanism through {@link SecurityContext#authenticate}, which keeps the caller in the session
 * and fires the login signals.
 */
@WebServlet(SignInServlet.PATH)
public class SignInServlet extends HttpServlet {

    public static final String PATH = "/admin/signin";
    static final String HOME = "/admin/";

    @Inject
    SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignInPage.render(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            SignInPage.render(request, response, "Enter your user name and password.");
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username.trim(), new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        SignInPage.render(request, response,
                "Sign-in failed: the user name or password is wrong, or the account is not active.");
    }
}
