package org.signalaudit.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The audit rows written after the load's {@link LoadMix.Watermarks}, per request id, in the
 * signature form of {@link Effect}, so that what a request wrote compares with what it should have.
 */
final class AuditRows {

    /** request id (null for a row without one) to the signatures of its rows */
    final Map<String, List<String>> state = new HashMap<>();
    final Map<String, List<String>> entity = new HashMap<>();
    int stateCount;
    int entityCount;

    static AuditRows after(AuditDatabase db, LoadMix.Watermarks watermarks) {
        var rows = new AuditRows();
        for (Map<String, Object> row : db.select("SELECT request_id, initiated_by, username, event, end_state"
                + " FROM user_state_audit WHERE id > ? ORDER BY id", watermarks.stateAudit())) {
            rows.state.computeIfAbsent((String) row.get("request_id"), id -> new ArrayList<>()).add(String.join("|",
                    (String) row.get("initiated_by"), (String) row.get("username"), (String) row.get("event"),
                    (String) row.get("end_state")));
            rows.stateCount++;
        }
        for (Map<String, Object> row : db.select("SELECT request_id, initiated_by, entity_type, entity_id, action,"
                + " changes::text AS changes FROM entity_audit WHERE id > ? ORDER BY id", watermarks.entityAudit())) {
            rows.entity.computeIfAbsent((String) row.get("request_id"), id -> new ArrayList<>()).add(Effect.entity(
                    (String) row.get("initiated_by"), (String) row.get("entity_type"), (String) row.get("entity_id"),
                    (String) row.get("action"), detail((String) row.get("action"), (String) row.get("changes"))));
            rows.entityCount++;
        }
        return rows;
    }

    /**
     * An update's changed attributes, sorted: {@code state=LOCKED}, {@code members+[a]-[]},
     * {@code description}; nothing for a creation or a deletion (whose values are the entity's).
     */
    static String detail(String action, String changes) {
        if (!"UPDATE".equals(action)) {
            return "";
        }
        JsonObject diff = parse(changes);
        return new TreeSet<>(diff.keySet()).stream().map(attribute -> {
            JsonValue change = diff.get(attribute);
            if (change instanceof JsonObject collection && collection.containsKey("added")) {
                return attribute + "+" + names(collection, "added") + "-" + names(collection, "removed");
            }
            if (attribute.equals("state") && change instanceof JsonObject values) {
                return "state=" + values.getString("new", "null");
            }
            return attribute;
        }).collect(Collectors.joining(","));
    }

    private static String names(JsonObject collection, String side) {
        return collection.getJsonArray(side).getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted()
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
