package org.signalaudit.audit.entity;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.FieldChange;

/**
 * The {@code changes} column: every attribute to {@code {"old": .., "new": ..}}, every collection
 * to {@code {"added": [..], "removed": [..]}}; a bulk statement's row holds
 * {@code {"bulk": {"statement", "parameters", "rowsAffected"}}}. The signals mask secrets before
 * they get here; this class only writes what it is given.
 */
public final class ChangesJson {

    /** Looked up once, not per call as {@code Json.create...} does (docs/PERFORMANCE.md, run 5). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ChangesJson() {
    }

    public static String of(Map<String, FieldChange> changes) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        changes.forEach((attribute, change) -> json.add(attribute, of(change)));
        return json.build().toString();
    }

    public static String of(BulkChanged bulk) {
        JsonObjectBuilder parameters = JSON.createObjectBuilder();
        bulk.parameters().forEach((name, value) -> add(parameters, name, value));
        return JSON.createObjectBuilder()
                .add("bulk", JSON.createObjectBuilder()
                        .add("statement", bulk.statement())
                        .add("parameters", parameters)
                        .add("rowsAffected", bulk.rowsAffected()))
                .build().toString();
    }

    public static JsonObject parse(String changes) {
        try (var reader = JSON.createReader(new StringReader(changes))) {
            return reader.readObject();
        }
    }

    private static JsonObjectBuilder of(FieldChange change) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (change instanceof FieldChange.Members members) {
            return json.add("added", array(members.added())).add("removed", array(members.removed()));
        }
        var value = (FieldChange.Value) change;
        add(json, "old", value.oldValue());
        add(json, "new", value.newValue());
        return json;
    }

    private static JsonArrayBuilder array(List<String> keys) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        keys.forEach(array::add);
        return array;
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Boolean flag) {
            json.add(name, flag);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof Number number) {
            try {
                json.add(name, new BigDecimal(number.toString()));
            } catch (NumberFormatException notFinite) {
                // NaN and the infinities have no JSON number; a failed audit write would roll the change back.
                json.add(name, number.toString());
            }
        } else {
            json.add(name, value.toString());
        }
    }
}
