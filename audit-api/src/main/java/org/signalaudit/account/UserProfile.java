package org.signalaudit.account;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A user as the admin screen shows them: the view, the security groups their role grants, the
 * groups they are a member of, the events of the transition table that the caller may apply from the current state, and whether
 * the caller may override the state. Computed on the server for the caller, so a screen shows
 * only what the boundary would accept.
 */
public record UserProfile(UserView user, List<String> groups, List<String> memberships, Set<StateEvent> transitions,
                          boolean overridable) implements Serializable {

    public UserProfile {
        groups = List.copyOf(groups);
        memberships = List.copyOf(memberships);
        transitions = Set.copyOf(transitions);
    }
}
