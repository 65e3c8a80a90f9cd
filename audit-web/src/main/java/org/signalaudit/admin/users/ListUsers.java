package org.signalaudit.admin.users;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.signalaudit.account.Role;
import org.signalaudit.account.SignInDelayView;
import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserState;

/**
 * The users screen: a lazy, sortable, filterable table of every user, and the administrators under
 * a sign-in delay.
 */
@Named
@ViewScoped
public class ListUsers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserDirectory directory;

    private UserRows rows;

    private List<SignInDelayView> delays;

    @PostConstruct
    void init() {
        rows = new UserRows(directory);
        delays = directory.signInDelays();
    }

    /** The administrators with wrong passwords since their last sign-in, by address (none: every address). */
    public List<SignInDelayView> getDelays() {
        return delays;
    }

    public UserRows getRows() {
        return rows;
    }

    public List<String> getStates() {
        return Arrays.stream(UserState.values()).map(Enum::name).toList();
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }
}
