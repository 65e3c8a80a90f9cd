package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.AcceptInvitation;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserView;
import org.signalaudit.audit.AuditModel;

/** Anonymous: the invited user accepts with their token and chooses a password. */
@Path("invitations")
@AuditModel("UserAccount")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class InvitationsResource {

    @Inject
    UserAccounts accounts;

    @POST
    @Path("accept")
    @Operation(operationId = "acceptInvitation", summary = "Accept an invitation",
            description = "The invited user, with the token of their invitation, chooses a password: INVITED becomes ACTIVE, initiated by the user themself (one user_state_audit row).")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = ApiDocumentation.ANYONE)
    @APIResponse(responseCode = "200", description = "The user, now ACTIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "400", description = "The invitation does not exist, was accepted already or expired, the token is wrong, or the password is too short")
    @APIResponse(responseCode = "409", description = "The user changed concurrently")
    public UserView accept(@NotNull @Valid AcceptInvitation command) {
        return accounts.acceptInvitation(command);
    }
}
