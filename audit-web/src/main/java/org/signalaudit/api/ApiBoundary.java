package org.signalaudit.api;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.signalaudit.access.RequestOpener;

/**
 * A request sent to the API is answered by the API or refused; it never reaches another part of
 * the module. The container maps a request by its normalised path, so
 * {@code GET /api/users/../../admin/} was served the admin dashboard, authenticated with the
 * API's HTTP Basic credentials (the sign-in mechanism chooses Basic by the path as sent). Such a
 * request gets a 404, as problem+json through the error page.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ApiBoundary extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String API = "/api";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isApi(RequestOpener.pathOf(request)) && !isApi(servedPath(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isApi(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }

    private static String servedPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
