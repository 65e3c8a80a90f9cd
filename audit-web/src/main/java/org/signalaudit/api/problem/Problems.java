package org.signalaudit.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.signalaudit.signal.RequestContext;
import org.signalaudit.trail.RequestOutcome;

/** Builds the problem+json answers of every exception mapper and tells the trail what failed. */
@ApplicationScoped
public class Problems {

    @Inject
    RequestContext request;

    @Inject
    RequestOutcome outcome;

    /** A refusal caused by the client: the trail keeps the exception's class and message. */
    public Response refuse(Response.StatusType status, String detail, Throwable refusal, UriInfo uri) {
        outcome.refused(refusal);
        return answer(status, detail, uri);
    }

    /** A failure of ours: the trail keeps the whole trace; the client gets the request id only. */
    public Response fail(Response.StatusType status, String detail, Throwable failure, UriInfo uri) {
        outcome.failed(failure);
        return answer(status, detail, uri);
    }

    private Response answer(Response.StatusType status, String detail, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        var problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                request.requestId());
        return Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
