package org.signalaudit.api.problem;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.account.AccountException;
import org.signalaudit.account.ConcurrentChangeException;
import org.signalaudit.account.IllegalTransitionException;
import org.signalaudit.account.InvalidInvitationException;
import org.signalaudit.account.LastSuperadminException;
import org.signalaudit.account.NotPermittedException;
import org.signalaudit.account.StaleVersionException;
import org.signalaudit.account.UnknownUserException;
import org.signalaudit.account.UsernameTakenException;

/** The boundary's refusals and their HTTP status. Their messages are written for the client. */
@Provider
public class AccountExceptionMapper implements ExceptionMapper<AccountException> {

    private static final Map<Class<? extends AccountException>, Status> STATUS = Map.of(
            UnknownUserException.class, Status.NOT_FOUND,
            UsernameTakenException.class, Status.CONFLICT,
            IllegalTransitionException.class, Status.CONFLICT,
            ConcurrentChangeException.class, Status.CONFLICT,
            LastSuperadminException.class, Status.CONFLICT,
            StaleVersionException.class, Status.PRECONDITION_FAILED,
            InvalidInvitationException.class, Status.BAD_REQUEST,
            NotPermittedException.class, Status.FORBIDDEN);

    @Inject
    Problems problems;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AccountException refusal) {
        return problems.refuse(STATUS.getOrDefault(refusal.getClass(), Status.BAD_REQUEST), refusal.getMessage(), refusal, uri);
    }
}
