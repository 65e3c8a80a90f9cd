package org.signalaudit.access;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestContext;

/**
 * Opens the request context from the servlet request: the one place where the client address is
 * resolved ({@code audit.trusted-proxies}), for the state, entity, login and request rows alike.
 */
@ApplicationScoped
public class RequestOpener {

    public static final String REQUEST_ID = "X-Request-Id";
    static final String API_PATH = "/api/";
    static final String API_ROOT = "/api";

    @Inject
    @ConfigProperty(name = "audit.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    RequestContext context;

    private ClientAddress clients;

    @PostConstruct
    void configure() {
        clients = ClientAddress.trusting(trustedProxies.orElse(""));
    }

    public RequestContext open(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String client = clients.resolve(peer, headers(request, "X-Forwarded-For"), headers(request, "Forwarded"));
        String peerAddress = ClientAddress.literal(peer).map(InetAddress::getHostAddress).orElse(peer);
        context.open(request.getHeader(REQUEST_ID), client, peerAddress, request.getHeader("User-Agent"),
                originOf(request));
        return context;
    }

    /**
     * The path below the context root, e.g. {@code /api/users}, decoded and normalised as the
     * container mapped it, never the raw request URI: the container applies the security
     * constraints and picks the servlet by this path, so the choice of sign-in (Basic or form)
     * and the trail's exclusions must go by it too. By the raw URI, {@code /api/../admin/users.xhtml}
     * opened an admin screen with Basic credentials, and {@code /health/../admin/users.xhtml}
     * served one without a trail row.
     */
    public static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** {@code /api} itself is under the API's constraint too: it gets the API's 401, not the sign-in page. */
    static Origin originOf(HttpServletRequest request) {
        String path = pathOf(request);
        return path.startsWith(API_PATH) || path.equals(API_ROOT) ? Origin.HTTP_API : Origin.ADMIN_UI;
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }
}
