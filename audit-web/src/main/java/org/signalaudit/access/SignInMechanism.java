package org.signalaudit.access;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.signalaudit.audit.AuditSpool;
import org.signalaudit.availability.StoreAvailability;
import org.signalaudit.availability.StoreOutage;
import org.signalaudit.availability.StoreProbe;
import org.signalaudit.availability.StoreUnavailableException;
import org.signalaudit.signal.LoginSignal;
import org.signalaudit.signal.Origin;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.SignInFailure;
import org.signalaudit.signal.UserLoggedIn;
import org.signalaudit.signal.UserLoggedOut;
import org.signalaudit.signal.UserLoginFailed;
import org.signalaudit.trail.RequestOutcome;
import org.signalaudit.trail.RequestTrail;
import org.signalaudit.trail.TrailCounters;

/**
 * The application's one authentication mechanism (Jakarta Security 3.0 allows one per web
 * module, DESIGN.md "Known traps"), routing by path:
 * <ul>
 * <li>{@code /api/*}: HTTP Basic on every request, no session;</li>
 * <li>everything else (the admin screens): a form sign-in (the Faces bean {@link SignIn} calls
 * {@code SecurityContext.authenticate}) that keeps the caller in the HTTP session.</li>
 * </ul>
 * It fires the login signals (Django's user_logged_in, user_logged_out, user_login_failed) and,
 * being the first application code that sees a request, opens the request context, so even a 401
 * carries a request id and the client's address.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "org.signalaudit.caller";
    static final String SESSION_GROUPS = "org.signalaudit.groups";
    static final String STORE_FAILURE = "org.signalaudit.storeFailure";
    private static final String REALM = "Basic realm=\"signal-audit\", charset=\"UTF-8\"";
    private static final Logger LOG = Logger.getLogger(SignInMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RequestOpener opener;

    @Inject
    RequestTrail trail;

    @Inject
    TrailCounters counters;

    @Inject
    RequestOutcome outcome;

    @Inject
    StoreAvailability availability;

    @Inject
    StoreProbe probe;

    @Inject
    AuditSpool spool;

    @Inject
    Event<UserLoggedIn> loggedIn;

    @Inject
    Event<UserLoggedOut> loggedOut;

    @Inject
    Event<UserLoginFailed> loginFailed;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext message) {
        RequestContext context = opener.open(request);
        trail.watch(request, response);
        if (RequestOpener.originOf(request) == Origin.HTTP_API) {
            return basic(request, response, message, context);
        }
        return session(request, response, message, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext message) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            trail.authenticating(request);
            signal(loggedOut, new UserLoggedOut(caller));
            session.removeAttribute(SESSION_CALLER);
            session.removeAttribute(SESSION_GROUPS);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, message);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext message, RequestContext context) {
        String header = request.getHeader("Authorization");
        Optional<UsernamePasswordCredential> basic = BasicCredentials.parse(header);
        if (basic.isPresent()) {
            Optional<CredentialValidationResult> validated = validate(basic.get(), request, context);
            if (validated.isEmpty()) {
                return unavailable(request, response, context);
            }
            CredentialValidationResult result = validated.get();
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                context.identify(result.getCallerPrincipal().getName());
                return message.notifyContainerAboutLogin(result);
            }
            failed(basic.get().getCaller(), context);
            return unauthorized(request, response, context,
                    "The user name or password is wrong, or the account is not active");
        }
        if (header != null) {
            context.signInRefused(SignInFailure.MALFORMED_CREDENTIALS);
            failed(null, context);
            return unauthorized(request, response, context, "Only well-formed HTTP Basic credentials are accepted");
        }
        if (message.isProtected()) {
            return unauthorized(request, response, context, "Authentication is required");
        }
        return message.doNothing();
    }

    private AuthenticationStatus session(HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext message, RequestContext context) {
        Credential credential = message.getAuthParameters().getCredential();
        if (message.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login) {
            trail.authenticating(request);
            Optional<CredentialValidationResult> validated = validate(login, request, context);
            if (validated.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE; // SignIn answers 503 (STORE_FAILURE)
            }
            CredentialValidationResult result = validated.get();
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                failed(login.getCaller(), context);
                return AuthenticationStatus.SEND_FAILURE;
            }
            String caller = result.getCallerPrincipal().getName();
            HttpSession session = request.getSession(false);
            if (session == null) {
                session = request.getSession(true);
            } else {
                request.changeSessionId(); // no session fixation across the sign-in
            }
            session.setAttribute(SESSION_CALLER, caller);
            session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
            context.identify(caller);
            signal(loggedIn, new UserLoggedIn(caller));
            return message.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller
                && session.getAttribute(SESSION_GROUPS) instanceof Set<?> groups) {
            context.identify(caller);
            @SuppressWarnings("unchecked")
            Set<String> names = (Set<String>) groups;
            return message.notifyContainerAboutLogin(caller, names);
        }
        if (message.isProtected()) {
            return toSignIn(request, response, message);
        }
        return message.doNothing();
    }

    /**
     * Sends a caller without a session to the sign-in page, saying so when their session ended. A
     * Faces ajax request cannot follow a 302 to an HTML page, so it gets the partial response that
     * tells the page to navigate instead.
     */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext message) {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String target = request.getContextPath() + SignIn.PATH + (expired ? "?expired" : "");
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return message.redirect(target);
        }
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
        } catch (IOException e) {
            throw new IllegalStateException("Could not send the ajax redirect", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private void failed(String attemptedUsername, RequestContext context) {
        SignInFailure reason = Optional.ofNullable(context.signInFailure()).orElse(SignInFailure.BAD_PASSWORD);
        signal(loginFailed, new UserLoginFailed(attemptedUsername, reason));
    }

    /**
     * The login receivers write in transactions of their own; if one fails, the sign-in still gets
     * its answer. If the database is unavailable the row goes to the outage spool, as it would have
     * been written now, to be written when the database is back; any other failure is in the server
     * log for the operators.
     */
    private <T extends LoginSignal> void signal(Event<T> event, T signal) {
        Instant firedAt = Instant.now();
        try {
            event.fire(signal);
            counters.loginRecorded();
        } catch (RuntimeException e) {
            if (probe.unavailable(e) && spool.keep(signal, firedAt)) {
                return;
            }
            counters.loginLost();
            LOG.log(Level.SEVERE, "A login signal could not be recorded", e);
        }
    }

    /**
     * The identity store's verdict, or nothing when it could not read the account because the
     * database is unreachable (or was, moments ago: the circuit breaker, {@link StoreAvailability},
     * is open). That says nothing about the credentials: it is neither a 401 nor a failed sign-in
     * (no login signal, no lockout count), but a 503 the client may retry. The failure is kept for
     * the trail and, for the form sign-in, in the request ({@link #STORE_FAILURE}): Payara would
     * log an exception thrown from here and call it a refused sign-in, so {@link SignIn} rethrows
     * it to the screens' exception handler instead.
     */
    private Optional<CredentialValidationResult> validate(UsernamePasswordCredential credential,
                                                          HttpServletRequest request, RequestContext context) {
        try {
            return Optional.of(availability.reach(() -> identityStores.validate(credential)));
        } catch (CircuitBreakerOpenException e) {
            return unavailable(new StoreUnavailableException(), request);
        } catch (StoreUnavailableException e) {
            LOG.warning(() -> "Request " + context.requestId() + " not authenticated, the database is unavailable: "
                    + StoreOutage.reason(e));
            return unavailable(e, request);
        }
    }

    private Optional<CredentialValidationResult> unavailable(RuntimeException failure, HttpServletRequest request) {
        outcome.failed(failure);
        request.setAttribute(STORE_FAILURE, failure);
        return Optional.empty();
    }

    /** A 503 in the API's own problem+json form, with {@code Retry-After} and the request id. */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    RequestContext context) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(StoreOutage.RETRY_AFTER_SECONDS));
        response.setHeader(RequestOpener.REQUEST_ID, context.requestId());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(ProblemJson.of(503, "Service Unavailable",
                    "The audit store is unavailable; try again shortly", request.getRequestURI(), context.requestId()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the 503 answer", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A 401 in the API's own problem+json form, with the challenge and the request id. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     RequestContext context, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", REALM);
        response.setHeader(RequestOpener.REQUEST_ID, context.requestId());
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
