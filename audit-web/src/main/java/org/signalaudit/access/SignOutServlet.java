package org.signalaudit.access;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends the admin session. {@code logout()} reaches the mechanism's {@code cleanSubject}, which
 * fires {@code UserLoggedOut}; then the session goes. POST only: a link must not sign anyone out.
 */
@WebServlet("/admin/signout")
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + SignInServlet.PATH);
    }
}
