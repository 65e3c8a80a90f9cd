package org.signalaudit.group;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

/** A group as the outside sees it: its members by username, in order. */
@JsonbNillable
public record GroupView(String name, String description, List<String> members, long version) {

    public GroupView {
        members = List.copyOf(members);
    }
}
