package org.signalaudit.access;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestContext;

/**
 * The application's one authentication mechanism (Jakarta Security 3.0 allows one per web
 * module, DESIGN.md "Known traps"). It routes by path: HTTP Basic for {@code /api/*}; the admin
 * screens' form sign-in joins here as another route. Being the first application code that sees
 * a request, it also opens the request context, so a 401 carries a request id too.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    private static final String REALM = "Basic realm=\"signal-audit\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RequestContext context;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext message) {
        context.open(request.getHeader("X-Request-Id"), request.getRemoteAddr(), request.getHeader("User-Agent"),
                originOf(request));
        Optional<UsernamePasswordCredential> basic = BasicCredentials.parse(request.getHeader("Authorization"));
        if (basic.isPresent()) {
            CredentialValidationResult result = identityStores.validate(basic.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                context.identify(result.getCallerPrincipal().getName());
                return message.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, "The user name or password is wrong, or the account is not active");
        }
        if (request.getHeader("Authorization") != null) {
            return unauthorized(request, response, "Only HTTP Basic credentials are accepted");
        }
        if (message.isProtected()) {
            return unauthorized(request, response, "Authentication is required");
        }
        return message.doNothing();
    }

    private static Origin originOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(API_PATH) ? Origin.HTTP_API : Origin.ADMIN_UI;
    }

    /** A 401 in the API's own problem+json form, with the challenge and the request id. */
    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", REALM);
        response.setHeader("X-Request-Id", context.requestId());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(ProblemJson.of(401, "Unauthorized", detail, request.getRequestURI(),
                    context.requestId()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the 401 answer", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
