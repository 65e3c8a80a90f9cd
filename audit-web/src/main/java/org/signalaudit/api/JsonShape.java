package org.signalaudit.api;

import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.spi.JsonProvider;

import org.signalaudit.query.InvalidRequestException;

/**
 * Checks a JSON request body against the command record it is meant for, before JSON-B binds it,
 * and refuses it with a message a client can act on. It reads the whole body with the streaming
 * parser and never skips a value, for two reasons:
 * <ul>
 * <li>Parsson's {@code skipObject}/{@code skipArray} loop forever on a truncated body (parsson#23):
 * JSON-B skips the value of an unknown field that way, so {@code {"x":{} } cut short pinned a
 * request thread at full CPU for good.</li>
 * <li>Text the database cannot hold faithfully must not reach it: PostgreSQL refuses U+0000 (a
 * 500), and an unpaired surrogate was silently stored as '?'.</li>
 * </ul>
 * Unknown fields are refused, not ignored: in an audit system a misspelt {@code "reasn"} that
 * silently vanished would leave a change without the reason its author thinks they gave.
 * Duplicate fields are refused too, since which one counts would be up to the parser.
 */
final class JsonShape {

    /** Far deeper than any command (they are flat), far below the parser's own limit. */
    static final int MAX_DEPTH = 32;

    /** Looked up once, not per call as {@code Json.create...} does (docs/PERFORMANCE.md, run 5). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonShape() {
    }

    /** @throws InvalidRequestException naming what is wrong */
    static void check(String json, Class<?> type) {
        Map<String, Class<?>> fields = fieldsOf(type);
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            walk(parser, fields);
        } catch (JsonParsingException e) {
            throw new InvalidRequestException("The request body is not valid JSON" + where(e.getLocation()));
        }
    }

    private static void walk(JsonParser parser, Map<String, Class<?>> fields) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        int depth = 0;
        String key = null;
        boolean first = true;
        while (parser.hasNext()) {
            Event event = parser.next();
            if (first && fields != null && event != Event.START_OBJECT) {
                throw new InvalidRequestException("The request body must be a JSON object");
            }
            first = false;
            if (depth == 1 && fields != null && key != null && event != Event.KEY_NAME) {
                expect(key, fields.get(key), event, parser);
            }
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (++depth > MAX_DEPTH) {
                        throw new InvalidRequestException(
                                "The request body is nested deeper than " + MAX_DEPTH + " levels");
                    }
                    objects.push(event == Event.START_OBJECT ? new HashSet<>() : Set.of());
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    objects.pop();
                }
                case KEY_NAME -> {
                    key = parser.getString();
                    text(key, "A field name");
                    if (!objects.peek().add(key)) {
                        throw new InvalidRequestException("The field '" + printable(key) + "' appears more than once");
                    }
                    if (depth == 1 && fields != null && !fields.containsKey(key)) {
                        throw new InvalidRequestException("Unknown field '" + printable(key) + "'; this request accepts "
                                + String.join(", ", fields.keySet()));
                    }
                    continue;
                }
                case VALUE_STRING ->
                        text(parser.getString(), depth == 1 && key != null ? "'" + key + "'" : "A text value");
                default -> {
                    // numbers, booleans and null carry no text
                }
            }
            if (depth <= 1) {
                key = null;
            }
        }
    }

    /** The value of a known field of the command must have the JSON type its component reads. */
    private static void expect(String field, Class<?> type, Event value, JsonParser parser) {
        if (value == Event.VALUE_NULL) {
            return; // Bean Validation says whether the field may be missing
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            if (value != Event.VALUE_STRING || Arrays.stream(constants).map(c -> ((Enum<?>) c).name())
                    .noneMatch(parser.getString()::equals)) {
                throw new InvalidRequestException("'" + field + "' must be one of " + Arrays.toString(constants));
            }
        } else if (type == String.class && value != Event.VALUE_STRING) {
            throw new InvalidRequestException("'" + field + "' must be a JSON string");
        }
    }

    /** Text PostgreSQL can store as it was sent: no U+0000, no unpaired UTF-16 surrogate. */
    private static void text(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new InvalidRequestException(what + " contains the character U+0000, which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequestException(what + " contains an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + "), which is not Unicode text");
            }
        }
    }

    /** The components of a command record by name, or null when the target is not a record. */
    private static Map<String, Class<?>> fieldsOf(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return null;
        }
        var fields = new LinkedHashMap<String, Class<?>>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.put(component.getName(), component.getType());
        }
        return fields;
    }

    /** A field name as the client sent it, cut short, for a message about it. */
    private static String printable(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64) + "...";
    }

    private static String where(JsonLocation location) {
        return location == null ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
