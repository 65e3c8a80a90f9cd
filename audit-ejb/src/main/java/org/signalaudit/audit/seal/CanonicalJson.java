package org.signalaudit.audit.seal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * One text for all JSON documents that mean the same: keys sorted, no whitespace, numbers in plain
 * decimal without trailing zeros. PostgreSQL's jsonb gives a document back with its keys reordered
 * and its spacing changed, so the hash of a {@code changes} column is taken over this form, which
 * the text written and the text read back share.
 */
final class CanonicalJson {

    /** Looked up once, not per call as {@code Json.create...} does (docs/PERFORMANCE.md, run 5). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private CanonicalJson() {
    }

    static String of(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            StringBuilder out = new StringBuilder(json.length());
            write(reader.readValue(), out);
            return out.toString();
        }
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> object((JsonObject) value, out);
            case ARRAY -> array((JsonArray) value, out);
            case STRING -> string(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number((JsonNumber) value));
            default -> out.append(value); // true, false, null
        }
    }

    private static void object(JsonObject object, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> entry : new TreeMap<>(object).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void array(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static String number(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Escapes what JSON requires and nothing else, the same way for every input. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
