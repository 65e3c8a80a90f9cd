package org.signalaudit.admin.users;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.signalaudit.account.AccountException;
import org.signalaudit.account.ConcurrentChangeException;
import org.signalaudit.account.StaleVersionException;
import org.signalaudit.account.UnknownUserException;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.admin.Notices;

/**
 * The superadmin's override screen (web.xml lets only a SUPERADMIN open it; the boundary checks
 * again). It goes through the same boundary method as {@code PUT /api/users/{username}/state},
 * hence the same state machine, signal and receiver: the row says OVERRIDE, the superadmin, their
 * address, ADMIN_UI and the reason. The override applies to the version the form was rendered
 * with; a user changed meanwhile is refused, never overridden blindly.
 */
@Named
@ViewScoped
public class OverrideState implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserDirectory directory;

    @Inject
    UserAccounts accounts;

    private String name;
    private UserView user;

    @NotNull
    private UserState target;

    @NotBlank
    @Size(max = 500)
    private String reason;

    public void load() {
        try {
            user = directory.profile(name).user();
        } catch (UnknownUserException e) {
            user = null;
            Notices.refused(e.getMessage());
        }
    }

    /** Every state but the current one: overriding to the same state would change nothing. */
    public List<UserState> getTargets() {
        return user == null ? List.of() : Arrays.stream(UserState.values()).filter(s -> s != user.state()).toList();
    }

    public String confirm() {
        try {
            UserView changed = accounts.override(name, new org.signalaudit.account.OverrideState(target, reason),
                    user.version());
            Notices.done("Override: " + changed.username() + " is now " + changed.state() + ".");
            Notices.keepForRedirect();
            return "/admin/user?faces-redirect=true&name=" + changed.username();
        } catch (StaleVersionException | ConcurrentChangeException e) {
            load();
            Notices.refused(name + " was changed by someone else while this form was open; nothing was overridden. "
                    + "The form shows the current state now: check it and confirm again.");
        } catch (EJBAccessException e) {
            Notices.refused("Only a SUPERADMIN may override a state.");
        } catch (AccountException e) {
            Notices.refused(e);
        }
        return null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UserView getUser() {
        return user;
    }

    public UserState getTarget() {
        return target;
    }

    public void setTarget(UserState target) {
        this.target = target;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
