package org.signalaudit.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.signalaudit.signal.RequestContext;

/** Builds the problem+json answers of every exception mapper. */
@ApplicationScoped
public class Problems {

    @Inject
    RequestContext request;

    public Response answer(Response.StatusType status, String detail, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        var problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance,
                request.requestId());
        return Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
