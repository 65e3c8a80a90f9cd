package org.signalaudit.api.problem;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.group.GroupException;
import org.signalaudit.group.GroupNameTakenException;
import org.signalaudit.group.NotAMemberException;
import org.signalaudit.group.UnknownGroupException;

/** The group boundary's refusals and their HTTP status. Their messages are written for the client. */
@Provider
public class GroupExceptionMapper implements ExceptionMapper<GroupException> {

    private static final Map<Class<? extends GroupException>, Status> STATUS = Map.of(
            UnknownGroupException.class, Status.NOT_FOUND,
            NotAMemberException.class, Status.NOT_FOUND,
            GroupNameTakenException.class, Status.CONFLICT);

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(GroupException refusal) {
        return problems.refuse(STATUS.getOrDefault(refusal.getClass(), Status.BAD_REQUEST), refusal.getMessage(), refusal,
                uri);
    }
}
