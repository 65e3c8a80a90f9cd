package org.signalaudit.api.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.audit.RetentionException;
import org.signalaudit.audit.UnknownHoldException;

/** Retention's and the holds' refusals: an unknown hold is 404, the rest (no partitions, released already) 409. */
@Provider
public class RetentionExceptionMapper implements ExceptionMapper<RetentionException> {

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RetentionException refusal) {
        Status status = refusal instanceof UnknownHoldException ? Status.NOT_FOUND : Status.CONFLICT;
        return problems.refuse(status, refusal.getMessage(), refusal, uri);
    }
}
