package org.signalaudit.api.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An EJB {@code @RolesAllowed} refusal: the caller is known but lacks the role (403, not 500). */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(EJBAccessException denied) {
        return problems.refuse(Status.FORBIDDEN, "Your role does not allow this request", denied, uri);
    }
}
