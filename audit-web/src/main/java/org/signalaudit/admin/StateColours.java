package org.signalaudit.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.signalaudit.account.UserState;

/** The colour of a state's tag on every screen: green for the one state that can sign in. */
@Named("states")
@ApplicationScoped
public class StateColours {

    public String severity(UserState state) {
        if (state == null) {
            return "secondary";
        }
        return switch (state) {
            case ACTIVE -> "success";
            case INVITED -> "info";
            case LOCKED -> "warning";
            case DEACTIVATED -> "danger";
        };
    }
}
