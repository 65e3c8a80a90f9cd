package org.signalaudit.api.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400, 404, 405, 406, 415 from JAX-RS itself or from our parameter checks, as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response.StatusType status = failure.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return problems.fail(status, "The server could not complete the request", failure, uri);
        }
        return problems.refuse(status, failure.getMessage(), failure, uri);
    }
}
