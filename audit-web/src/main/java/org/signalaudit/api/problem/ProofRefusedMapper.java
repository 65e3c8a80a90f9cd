package org.signalaudit.api.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.audit.NotSealedException;
import org.signalaudit.audit.ProofRefusedException;

/** The sealed log's refusals: not sealed (yet) is 404, a proof that cannot be asked for is 400. */
@Provider
public class ProofRefusedMapper implements ExceptionMapper<ProofRefusedException> {

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProofRefusedException refusal) {
        Status status = refusal instanceof NotSealedException ? Status.NOT_FOUND : Status.BAD_REQUEST;
        return problems.refuse(status, refusal.getMessage(), refusal, uri);
    }
}
