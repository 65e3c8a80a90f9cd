package org.signalaudit.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in form, plain HTML: it must work before any screen framework has a session. */
final class SignInPage {

    private SignInPage() {
    }

    static void render(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String action = escape(request.getContextPath() + SignInServlet.PATH);
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="UTF-8"><title>Sign in - Signal Audit</title></head>
                <body>
                <h1>Signal Audit administration</h1>
                %s
                <form method="post" action="%s">
                  <label>User name <input name="username" autocomplete="username" required></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <button type="submit">Sign in</button>
                </form>
                </body>
                </html>
                """.formatted(message == null ? "" : "<p role=\"alert\">" + escape(message) + "</p>", action));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
