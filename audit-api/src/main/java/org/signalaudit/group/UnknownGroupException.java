package org.signalaudit.group;

public class UnknownGroupException extends GroupException {

    public UnknownGroupException(String name) {
        super("No group is named '" + name + "'");
    }
}
