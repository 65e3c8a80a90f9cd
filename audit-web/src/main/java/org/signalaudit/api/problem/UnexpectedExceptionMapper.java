package org.signalaudit.api.problem;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.signal.RequestContext;

/**
 * Everything no other mapper claims. A database that cannot be reached is a 503
 * ({@link StoreUnavailableMapper}); a body that is not the JSON we expect is the client's
 * mistake (400); a conflict detected only at commit is still a conflict (409); anything else is
 * a 500 whose trace stays in the server log under the request id, never in the answer.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    Problems problems;

    @Inject
    RequestContext request;

    @Inject
    StoreUnavailableMapper unavailable;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        if (unavailable.claims(failure)) {
            return unavailable.toResponse(failure, uri);
        }
        if (causedBy(failure, JsonbException.class) || causedBy(failure, JsonParsingException.class)) {
            return problems.refuse(Status.BAD_REQUEST, "The request body is not valid JSON for this resource", failure, uri);
        }
        if (causedBy(failure, OptimisticLockException.class)) {
            return problems.refuse(Status.CONFLICT, "The resource was changed concurrently; reload and try again", failure, uri);
        }
        LOG.log(Level.SEVERE, failure, () -> "Unexpected failure of request " + request.requestId());
        return problems.fail(Status.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; quote the request id to the operators", failure, uri);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
