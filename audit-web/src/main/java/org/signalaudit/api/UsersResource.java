package org.signalaudit.api;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.InvitedUser;
import org.signalaudit.account.OverrideState;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.account.Role;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.audit.AuditModel;
import org.signalaudit.audit.EntityHistory;
import org.signalaudit.query.Page;

/** Users and their state. Thin: validate, delegate to the account boundary, answer. */
@Path("users")
@AuditModel("UserAccount")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UsersResource {

    @Inject
    UserAccounts accounts;

    /** A user as of a moment, rebuilt from the audit rows (ADMIN and above, the boundary checks). */
    @Inject
    EntityHistory history;

    @POST
    @Operation(operationId = "inviteUser", summary = "Invite a user",
            description = "Creates the user INVITED and answers the invitation token, once. An ADMIN invites USERs only; a SUPERADMIN invites any role. One user_state_audit row (INVITE) and one entity_audit row.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "201", description = "The invited user with the invitation token; Location names the user, ETag is the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitedUser")))
    @APIResponse(responseCode = "403", description = "An ADMIN inviting an ADMIN or a SUPERADMIN")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response invite(@NotNull @Valid InviteUser command, @Context UriInfo uri) {
        InvitedUser invited = accounts.invite(command);
        return Response.created(uri.getAbsolutePathBuilder().path(invited.username()).build())
                .tag(Versions.tag(invited.version()))
                .entity(invited)
                .build();
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users",
            description = "Users by username, keyset-paginated: pass the answer's next as after for the following page.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserViewPage")))
    public Page<UserView> list(
            @Parameter(description = "only users in this state", schema = @Schema(ref = "UserState"))
            @QueryParam("state") UserState state, @Valid @BeanParam PageParams page,
                               @Parameter(description = "the next of the previous page") @QueryParam("after") String after) {
        return accounts.list(state, page.limit(), PageParams.text(after));
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "findUser", summary = "Read a user",
            description = "The user now (UserView, ETag = version), or with asOf as they were then, rebuilt from the audit rows (UserAsOf). A USER reads only their own account and never asOf.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.USER_NAME)
    @APIResponse(responseCode = "200", description = "The user now (UserView) or as of a moment (UserAsOf)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ApiDocumentation.USER_NOW_OR_AS_OF)))
    @APIResponse(responseCode = "403", description = "A USER reading another account, or any account asOf")
    @APIResponse(responseCode = "404", description = "No user has this name, or the user did not exist yet at asOf")
    public Response find(@PathParam("username") String username,
                         @Parameter(description = "an ISO-8601 instant, e.g. 2026-11-30T12:00:00Z",
                                 schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                         @QueryParam("asOf") Instant asOf) {
        if (asOf != null) {
            return Response.ok(history.userAsOf(username, asOf).orElseThrow(() -> new NotFoundException(
                    "The user " + username + " did not exist at " + asOf))).build();
        }
        return withTag(accounts.find(username));
    }

    @POST
    @Path("{username}/transitions")
    @Operation(operationId = "transitionUser", summary = "Apply a state transition",
            description = "Applies ACTIVATE, LOCK, UNLOCK, DEACTIVATE or REACTIVATE through the state machine, with one user_state_audit row. An ADMIN acts on USERs only; a SUPERADMIN on anyone. Send If-Match with the ETag to refuse a stale change.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The user after the transition; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "400", description = "An unknown event, or INVITE or OVERRIDE, which are not transitions")
    @APIResponse(responseCode = "403", description = "An ADMIN acting on an ADMIN or a SUPERADMIN")
    @APIResponse(responseCode = "404", description = "No user has this name")
    @APIResponse(responseCode = "409", description = "The state machine does not allow the event from the user's state, it would leave no ACTIVE SUPERADMIN, or the user changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the user's")
    public Response transition(@PathParam("username") String username,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull @Valid RequestTransition command) {
        return withTag(accounts.transition(username, command, Versions.ifMatch(ifMatch)));
    }

    @PUT
    @Path("{username}/state")
    @Operation(operationId = "overrideUserState", summary = "Override a user's state",
            description = "Puts the user in any state, bypassing the transition table, with a reason: one user_state_audit row (OVERRIDE). The same state answers 200 and writes nothing.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The user after the override; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "404", description = "No user has this name")
    @APIResponse(responseCode = "409", description = "It would leave no ACTIVE SUPERADMIN, or the user changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match names another version than the user's")
    public Response override(@PathParam("username") String username,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid OverrideState command) {
        return withTag(accounts.override(username, command, Versions.ifMatch(ifMatch)));
    }

    private static Response withTag(UserView user) {
        return Response.ok(user).tag(Versions.tag(user.version())).build();
    }
}
