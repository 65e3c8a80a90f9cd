package org.signalaudit.admin.users;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.signalaudit.account.AccountException;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.InvitedUser;
import org.signalaudit.account.Role;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.admin.Notices;

/**
 * The invitation dialog of the users screen. It offers the roles the caller may grant (ADMIN:
 * USER; SUPERADMIN: any); the boundary enforces the same rule whatever the browser sends. The
 * token is shown once, then forgotten.
 */
@Named
@ViewScoped
public class Invitation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAccounts accounts;

    @Inject
    ExternalContext external;

    @NotBlank
    @Size(min = 2, max = 64)
    @Pattern(regexp = InviteUser.USERNAME, message = InviteUser.USERNAME_RULE)
    private String username;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @NotNull
    private Role role = Role.USER;

    private InvitedUser invited;

    public List<Role> getRoles() {
        return external.isUserInRole(Role.SUPERADMIN_NAME) ? List.of(Role.values()) : List.of(Role.USER);
    }

    public void send() {
        try {
            invited = accounts.invite(new InviteUser(username, email, role));
            Notices.done(invited.username() + " is invited as " + invited.role() + ".");
        } catch (EJBAccessException e) {
            Notices.refused("Your role does not allow this invitation.");
        } catch (AccountException e) {
            Notices.refused(e.getMessage());
        }
    }

    /** Closing the dialog forgets the token: it is shown once, as the API shows it once. */
    public void reset() {
        username = null;
        email = null;
        role = Role.USER;
        invited = null;
    }

    public InvitedUser getInvited() {
        return invited;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
