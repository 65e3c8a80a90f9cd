package org.signalaudit.group;

import java.io.Serializable;
import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group as the outside sees it: its members by username, in order. */
@JsonbNillable
@Schema(description = "A group and its members.")
public record GroupView(
        @Schema(description = "the group's name", example = "ops") String name,
        @Schema(description = "free text", nullable = true, example = "on call") String description,
        @Schema(description = "the members' usernames, in order", example = "[\"alice\"]") List<String> members,
        @Schema(description = "optimistic-lock version", example = "2") long version) implements Serializable {

    public GroupView {
        members = List.copyOf(members);
    }
}
