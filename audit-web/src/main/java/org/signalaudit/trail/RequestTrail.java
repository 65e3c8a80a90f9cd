package org.signalaudit.trail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.access.RequestOpener;
import org.signalaudit.audit.AuditSpool;
import org.signalaudit.availability.StoreProbe;
import org.signalaudit.signal.RequestCompleted;
import org.signalaudit.signal.RequestContext;

/**
 * The request trail (the seed's audit middleware): one {@link RequestCompleted} per HTTP request,
 * fired when the request ends, after its status is decided, so that requests refused by the
 * container (401, 403, unmatched paths) are recorded like those a resource served. A failure to
 * record is logged and counted ({@code audit_trail_failures_total}, {@link TrailCounters}); it never changes an answer.
 * While the database is unreachable no row can be written: the row goes to the outage spool
 * ({@link AuditSpool}), not tried at all if serving it already found the database down, and is
 * written when the database is back; only a row the spool cannot keep is a counted failure.
 */
@ApplicationScoped
public class RequestTrail {

    static final String STARTED_AT = "org.signalaudit.trail.startedAt";
    static final String STARTED_NANOS = "org.signalaudit.trail.startedNanos";
    static final String RESPONSE = "org.signalaudit.trail.response";
    static final String AUTHENTICATING = "org.signalaudit.trail.authenticating";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The screens that show audit rows and change nothing. */
    private static final List<String> AUDIT_SCREENS = List.of("/admin/audit.xhtml", "/admin/history.xhtml");
    private static final Logger LOG = Logger.getLogger(RequestTrail.class.getName());

    @Inject
    @ConfigProperty(name = "audit.trail.excluded-paths",
            defaultValue = "/health,/metrics,/favicon.ico,/jakarta.faces.resource")
    List<String> excludedPaths;

    @Inject
    @ConfigProperty(name = "audit.trail.sensitive-parameters",
            defaultValue = "password,token,invitationToken,secret,j_password,api_key,authorization,jakarta.faces.Token")
    List<String> sensitiveParameters;

    @Inject
    Event<RequestCompleted> completed;

    @Inject
    RequestContext context;

    @Inject
    RequestOutcome outcome;

    @Inject
    TrailCounters counters;

    @Inject
    AuditSpool spool;

    @Inject
    StoreProbe probe;

    private Masking masking;

    @PostConstruct
    void configure() {
        masking = new Masking(Set.copyOf(sensitiveParameters));
    }

    void started(HttpServletRequest request) {
        request.setAttribute(STARTED_AT, Instant.now());
        request.setAttribute(STARTED_NANOS, System.nanoTime());
    }

    /** The sign-in mechanism hands over the response: the trail reads the status from it at the end. */
    public void watch(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RESPONSE, response);
    }

    /**
     * The sign-in mechanism marks the requests that sign someone in or out, wherever they were
     * sent from: the sign-out button is on every admin screen.
     */
    public void authenticating(HttpServletRequest request) {
        request.setAttribute(AUTHENTICATING, Boolean.TRUE);
    }

    void ended(HttpServletRequest request) {
        String path = RequestOpener.pathOf(request);
        if (excluded(path) || !(request.getAttribute(RESPONSE) instanceof HttpServletResponse response)) {
            return;
        }
        RequestCompleted row = null;
        try {
            if (!context.isOpen()) {
                return;
            }
            row = record(request, response);
            if (outcome.storeUnavailable()) {
                // The request found the database unreachable a moment ago. Trying again would fail
                // as well, only later: the attempts queue behind one lock (the row's id sequence)
                // and every answer of the outage would wait for them.
                spool(row);
                return;
            }
            completed.fire(row);
            counters.requestRecorded();
        } catch (RuntimeException e) {
            if (row != null && probe.unavailable(e)) {
                spool(row);
            } else {
                counters.requestLost();
                LOG.log(Level.SEVERE, e, () -> "Could not record request " + context.requestId() + " in the trail");
            }
        }
    }

    /**
     * The database is unavailable: the row goes to the outage spool, to be written when it is
     * back. The spool logs once per outage, not once per request; a row it cannot keep (full,
     * unwritable) is lost, counted and logged here.
     */
    private void spool(RequestCompleted row) {
        if (!spool.keep(row)) {
            counters.requestLost();
            LOG.severe(() -> "Request " + row.requestId() + " is not in the trail: the database was unavailable "
                    + "and the outage spool could not keep its row");
        }
    }

    private RequestCompleted record(HttpServletRequest request, HttpServletResponse response) {
        Instant startedAt = Optional.ofNullable((Instant) request.getAttribute(STARTED_AT)).orElseGet(Instant::now);
        Long nanos = (Long) request.getAttribute(STARTED_NANOS);
        long durationMs = nanos == null ? 0 : (System.nanoTime() - nanos) / 1_000_000;
        String query = masking.query(request.getQueryString());
        String path = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        String actor = context.actor() != null ? context.actor()
                : Optional.ofNullable(request.getUserPrincipal()).map(p -> p.getName()).orElse(null);
        return new RequestCompleted(context.requestId(), startedAt, durationMs, request.getMethod(), path,
                outcome.route(), response.getStatus(), actor, context.clientIp(), context.peerIp(),
                context.userAgent(), outcome.resource(), outcome.model(), category(request),
                outcome.errorClass(), masking.text(outcome.errorDetail()), context.origin());
    }

    private boolean excluded(String path) {
        return excludedPaths.stream().map(String::trim).filter(p -> !p.isEmpty()).anyMatch(path::startsWith);
    }

    /**
     * READ for safe methods, WRITE for the others, AUTH for signing in and out, and AUDIT_READ for
     * a look at the audit log itself (PCI DSS 10.2.1.3: who looked at whose history): the API's
     * audit reads and exports, a user rebuilt "as of" a moment, and the audit screens, whose form
     * posts only page and filter.
     */
    static String category(HttpServletRequest request) {
        String path = RequestOpener.pathOf(request);
        if (path.startsWith("/admin/sign") || request.getAttribute(AUTHENTICATING) != null) {
            return "AUTH";
        }
        boolean safe = SAFE_METHODS.contains(request.getMethod());
        if (AUDIT_SCREENS.stream().anyMatch(path::startsWith)
                || safe && (path.startsWith("/api/audit/") || asOf(path, request.getQueryString()))) {
            return "AUDIT_READ";
        }
        return safe ? "READ" : "WRITE";
    }

    private static boolean asOf(String path, String query) {
        return path.startsWith("/api/users/") && query != null && query.matches("(^|.*&)asOf=.*");
    }
}
