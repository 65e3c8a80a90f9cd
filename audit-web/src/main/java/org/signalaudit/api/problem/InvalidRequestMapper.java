package org.signalaudit.api.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.query.InvalidRequestException;

/** A request that makes no sense is a 400; its message is written for the client. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidRequestException refusal) {
        return problems.refuse(Status.BAD_REQUEST, refusal.getMessage(), refusal, uri);
    }
}
