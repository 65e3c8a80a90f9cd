package org.signalaudit.admin.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One line of an entity change as the screens show it: the field, its value before and after,
 * or, for a collection, the members removed (before) and added (after). Built from the
 * {@code changes} column, whose shape {@code entity_audit} documents.
 */
public record FieldDiff(String field, String before, String after, boolean collection) implements Serializable {

    /** Values longer than this are cut in the table and shown whole when expanded. */
    public static final int SHORT = 80;

    /** The lines of one row's changes, in the order written; a bulk statement is one line. */
    public static List<FieldDiff> of(JsonObject changes) {
        List<FieldDiff> lines = new ArrayList<>();
        if (changes == null) {
            return lines;
        }
        for (Map.Entry<String, JsonValue> change : changes.entrySet()) {
            JsonValue value = change.getValue();
            if (value instanceof JsonObject diff && (diff.containsKey("added") || diff.containsKey("removed"))) {
                lines.add(new FieldDiff(change.getKey(), members(diff.get("removed")), members(diff.get("added")), true));
            } else if (value instanceof JsonObject diff && (diff.containsKey("old") || diff.containsKey("new"))) {
                lines.add(new FieldDiff(change.getKey(), text(diff.get("old")), text(diff.get("new")), false));
            } else {
                lines.add(new FieldDiff(change.getKey(), null, text(value), false));
            }
        }
        return lines;
    }

    public boolean isLong() {
        return length(before) > SHORT || length(after) > SHORT;
    }

    public String getShortBefore() {
        return cut(before);
    }

    public String getShortAfter() {
        return cut(after);
    }

    private static String members(JsonValue members) {
        if (!(members instanceof JsonArray array) || array.isEmpty()) {
            return null;
        }
        return String.join(", ", array.stream().map(FieldDiff::text).toList());
    }

    /** A JSON string as its text, null as nothing, anything else as JSON. */
    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static String cut(String value) {
        return length(value) <= SHORT ? value : value.substring(0, SHORT) + "…";
    }
}
