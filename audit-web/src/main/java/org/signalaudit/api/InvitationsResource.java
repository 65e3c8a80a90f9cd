package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.account.AcceptInvitation;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserView;
import org.signalaudit.audit.AuditModel;

/** Anonymous: the invited user accepts with their token and chooses a password. */
@Path("invitations")
@AuditModel("UserAccount")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    UserAccounts accounts;

    @POST
    @Path("accept")
    public UserView accept(@NotNull @Valid AcceptInvitation command) {
        return accounts.acceptInvitation(command);
    }
}
