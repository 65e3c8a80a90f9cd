package org.signalaudit.api;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.signalaudit.account.InviteUser;
import org.signalaudit.account.InvitedUser;
import org.signalaudit.account.OverrideState;
import org.signalaudit.query.Page;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.audit.AuditModel;
import org.signalaudit.audit.EntityHistory;

/** Users and their state. Thin: validate, delegate to the account boundary, answer. */
@Path("users")
@AuditModel("UserAccount")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserAccounts accounts;

    /** A user as of a moment, rebuilt from the audit rows (ADMIN and above, the boundary checks). */
    @Inject
    EntityHistory history;

    @POST
    public Response invite(@NotNull @Valid InviteUser command, @Context UriInfo uri) {
        InvitedUser invited = accounts.invite(command);
        return Response.created(uri.getAbsolutePathBuilder().path(invited.username()).build())
                .tag(Versions.tag(invited.version()))
                .entity(invited)
                .build();
    }

    @GET
    public Page<UserView> list(@QueryParam("state") UserState state, @Valid @BeanParam PageParams page,
                               @QueryParam("after") String after) {
        return accounts.list(state, page.limit(), PageParams.text(after));
    }

    @GET
    @Path("{username}")
    public Response find(@PathParam("username") String username, @QueryParam("asOf") Instant asOf) {
        if (asOf != null) {
            return Response.ok(history.userAsOf(username, asOf).orElseThrow(() -> new NotFoundException(
                    "The user " + username + " did not exist at " + asOf))).build();
        }
        return withTag(accounts.find(username));
    }

    @POST
    @Path("{username}/transitions")
    public Response transition(@PathParam("username") String username,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull @Valid RequestTransition command) {
        return withTag(accounts.transition(username, command, Versions.ifMatch(ifMatch)));
    }

    @PUT
    @Path("{username}/state")
    public Response override(@PathParam("username") String username,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid OverrideState command) {
        return withTag(accounts.override(username, command, Versions.ifMatch(ifMatch)));
    }

    private static Response withTag(UserView user) {
        return Response.ok(user).tag(Versions.tag(user.version())).build();
    }
}
