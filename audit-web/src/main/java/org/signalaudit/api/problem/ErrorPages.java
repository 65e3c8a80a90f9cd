package org.signalaudit.api.problem;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import org.signalaudit.access.ProblemJson;
import org.signalaudit.access.RequestOpener;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.trail.RequestOutcome;

/**
 * The error page of the web module (web.xml), for the errors no exception mapper sees because
 * the servlet container raised them: a header JAX-RS cannot parse (Jersey answers with a bare
 * {@code sendError(400)}), a path that normalised to somewhere outside the API
 * ({@code /api/users/%2e%2e/%2e%2e/x}), a servlet-level failure. A request sent to the API gets
 * problem+json with its request id, like every other API error; the admin screens keep their
 * pages. Errors the HTTP layer answers before the web module exists for the request (an
 * oversized header, an undecodable URI) never reach this page: see README, Tests.
 */
@WebServlet(ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    static final String PATH = "/errors/problem";
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed (for example a header that cannot be parsed)",
            403, "Your role does not allow this request",
            404, "There is nothing at this path",
            405, "This method is not allowed here");

    @Inject
    RequestContext context;

    @Inject
    RequestOpener opener;

    @Inject
    RequestOutcome outcome;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == null) { // asked for directly, not as an error page
            status = HttpServletResponse.SC_NOT_FOUND;
            uri = request.getRequestURI();
        }
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // HttpServlet answers 501 to a method it has no doX for (PATCH on a static page). The
            // server implements the method; this resource does not allow it: 405 (RFC 9110, 15.5.6).
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            outcome.failed(failure); // the trace stays in the trail, as the mappers do it
        }
        if (!forApi(request, uri)) {
            screenPage(request, response, status);
            return;
        }
        String requestId = (context.isOpen() ? context : opener.open(request)).requestId();
        response.setStatus(status);
        response.setHeader(RequestOpener.REQUEST_ID, requestId);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.of(status, title(status), detail(status), uri == null ? "" : uri,
                requestId));
    }

    private static boolean forApi(HttpServletRequest request, String uri) {
        String api = request.getContextPath() + "/api";
        return uri != null && (uri.equals(api) || uri.startsWith(api + "/"));
    }

    /** The admin screens' own pages for 403 and failures; a plain page for anything else. */
    private static void screenPage(HttpServletRequest request, HttpServletResponse response, int status)
            throws ServletException, IOException {
        if (status == HttpServletResponse.SC_FORBIDDEN) {
            request.getRequestDispatcher("/errors/forbidden.xhtml").forward(request, response);
        } else if (status >= 500) {
            request.getRequestDispatcher("/errors/failure.html").forward(request, response);
        } else {
            response.setStatus(status);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
                    + status + " " + title(status) + " · Signal Audit</title></head><body><h1>" + title(status)
                    + "</h1><p>" + detail(status) + ".</p></body></html>");
        }
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detail(int status) {
        if (status >= 500) {
            return "The server could not complete the request; quote the request id to the operators";
        }
        return DETAILS.getOrDefault(status, "The request was refused");
    }
}
