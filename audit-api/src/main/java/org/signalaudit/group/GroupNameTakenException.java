package org.signalaudit.group;

public class GroupNameTakenException extends GroupException {

    public GroupNameTakenException(String name) {
        super("A group is already named '" + name + "'");
    }
}
