package org.signalaudit.api.problem;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.signalaudit.availability.StoreOutage;
import org.signalaudit.availability.StoreProbe;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.trail.RequestOutcome;

/**
 * The answer while the database is unreachable: 503 with {@code Retry-After}, at once, never a
 * 500. JAX-RS picks a mapper by the type thrown, but a store outage arrives as whatever wrapped
 * it last (an EJBException, a PersistenceException, a transaction's RollbackException), so this
 * is not registered for a type: {@link UnexpectedExceptionMapper}, which receives all of those,
 * asks it first.
 *
 * <p>A commit that fails because the connection broke is a 503 too; Payara does not say why a
 * commit failed, so {@link StoreProbe} asks the database before a commit failure counts as an
 * outage. With PostgreSQL a COMMIT that reports a failure did not commit: a backend ended by a
 * shutdown either finishes the commit and answers, or ends before it. Only a network lost after
 * the server committed leaves the outcome unknown, which no status can tell the client.
 */
@ApplicationScoped
public class StoreUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());

    @Inject
    Problems problems;

    @Inject
    RequestContext request;

    @Inject
    StoreProbe probe;

    @Inject
    RequestOutcome outcome;

    /** Whether {@code failure} is a store outage, found anywhere in its cause chain. */
    public boolean claims(Throwable failure) {
        return probe.unavailable(failure);
    }

    public Response toResponse(Throwable failure, UriInfo uri) {
        // One line, no trace: during an outage every request fails the same way.
        LOG.warning(() -> "Request " + request.requestId() + " refused, the database is unavailable: "
                + StoreOutage.reason(failure));
        Response problem = problems.fail(Status.SERVICE_UNAVAILABLE,
                "The audit store is unavailable; try again shortly", failure, uri);
        outcome.foundStoreUnavailable();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, StoreOutage.RETRY_AFTER_SECONDS)
                .build();
    }
}
