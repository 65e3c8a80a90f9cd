package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.access.RequestOpener;
import org.signalaudit.signal.RequestContext;

/**
 * Resolves who and where once per API request, before matching, and echoes the request id in
 * every response so a client can quote it. The sign-in mechanism has usually opened the context
 * already; then this filter keeps its request id.
 */
@Provider
@PreMatching
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    RequestOpener opener;

    @Inject
    RequestContext context;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        opener.open(servletRequest);
        var principal = request.getSecurityContext().getUserPrincipal();
        context.identify(principal == null ? null : principal.getName());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestOpener.REQUEST_ID, context.requestId());
    }
}
