package org.signalaudit.group;

/** The user exists but is not a member of the group, so there is no membership to remove. */
public class NotAMemberException extends GroupException {

    public NotAMemberException(String name, String username) {
        super("User '" + username + "' is not a member of group '" + name + "'");
    }
}
