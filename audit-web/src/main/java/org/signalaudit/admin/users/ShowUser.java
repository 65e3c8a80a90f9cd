package org.signalaudit.admin.users;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;

import org.signalaudit.account.AccountException;
import org.signalaudit.account.ConcurrentChangeException;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.account.StaleVersionException;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UnknownUserException;
import org.signalaudit.account.UserAccounts;
import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserProfile;
import org.signalaudit.admin.Notices;
import org.signalaudit.audit.AuditTrail;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.StateChangeView;

/**
 * One user: the profile, one button per transition the boundary says the caller may apply from
 * the current state, and the state history. A transition is applied to the version the page
 * showed: if someone changed the user meanwhile, it is refused and the page shows the new state.
 */
@Named
@ViewScoped
public class ShowUser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The timeline shows the latest changes; the audit log has all of them. */
    static final int HISTORY = 50;

    @Inject
    UserDirectory directory;

    @Inject
    UserAccounts accounts;

    @Inject
    AuditTrail trail;

    private String name;
    private UserProfile profile;
    private List<StateChangeView> history = List.of();

    @Size(max = 500)
    private String reason;

    /** The view action: (re)reads the user as the caller may see and change them. */
    public void load() {
        try {
            profile = directory.profile(name);
            history = trail.stateChanges(new StateChangeQuery(name, null, null, null, null, HISTORY, null)).items();
        } catch (UnknownUserException e) {
            profile = null;
            Notices.refused(e.getMessage());
        }
    }

    public void apply(StateEvent event) {
        try {
            var user = accounts.transition(name, new RequestTransition(event, reason), profile.user().version());
            Notices.done(label(event) + ": " + user.username() + " is now " + user.state() + ".");
            reason = null;
        } catch (StaleVersionException | ConcurrentChangeException e) {
            Notices.refused(name + " was changed by someone else meanwhile; nothing was applied. "
                    + "The page shows the current state now.");
        } catch (EJBAccessException e) {
            Notices.refused("Your role does not allow " + event + ".");
        } catch (AccountException e) {
            Notices.refused(e);
        }
        load();
    }

    /** "LOCK" reads "Lock" on a button. */
    public String label(StateEvent event) {
        String name = event.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public List<StateEvent> getTransitions() {
        return profile == null ? List.of() : profile.transitions().stream().sorted().toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UserProfile getProfile() {
        return profile;
    }

    public List<StateChangeView> getHistory() {
        return history;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
