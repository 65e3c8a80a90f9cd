package org.signalaudit.audit.reader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.signal.ChangeKind;

/**
 * Rebuilds an entity's attributes from its audit rows, oldest first: a CREATE starts from its
 * values, an UPDATE sets each attribute's new value and adds and removes each collection's members,
 * a DELETE ends it. Rows are replayed as written: a masked attribute stays {@code "***"}.
 */
public final class EntityReplay {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, JsonValue> values = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> members = new LinkedHashMap<>();
    private boolean exists;

    /** The attributes after the rows, or empty if the entity did not exist after the last one. */
    public static Optional<JsonObject> replay(List<EntityChangeView> oldestFirst) {
        var replay = new EntityReplay();
        oldestFirst.forEach(replay::apply);
        return replay.exists ? Optional.of(replay.attributes()) : Optional.empty();
    }

    void apply(EntityChangeView row) {
        if (row.action() == ChangeKind.DELETE) {
            exists = false;
            values.clear();
            members.clear();
            return;
        }
        if (row.action() == ChangeKind.CREATE) {
            values.clear();
            members.clear();
        }
        // An UPDATE with no CREATE before it (an entity older than its auditing) starts from nothing.
        exists = true;
        row.changes().forEach(this::change);
    }

    private void change(String attribute, JsonValue change) {
        JsonObject diff = change.asJsonObject();
        if (diff.containsKey("added") || diff.containsKey("removed")) {
            TreeSet<String> set = members.computeIfAbsent(attribute, name -> new TreeSet<>());
            strings(diff, "removed").forEach(set::remove);
            set.addAll(strings(diff, "added"));
        } else {
            values.put(attribute, diff.getOrDefault("new", JsonValue.NULL));
        }
    }

    private static List<String> strings(JsonObject diff, String name) {
        JsonValue array = diff.getOrDefault(name, JsonValue.EMPTY_JSON_ARRAY);
        return array.asJsonArray().stream().map(value -> value instanceof JsonString text ? text.getString()
                : value.toString()).toList();
    }

    private JsonObject attributes() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        values.forEach(json::add);
        members.forEach((name, set) -> json.add(name, JSON.createArrayBuilder(List.copyOf(set))));
        return json.build();
    }
}
