package org.signalaudit.audit.reader;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import org.signalaudit.signal.ChangeKind;

/**
 * Rebuilds an entity's attributes from its audit rows, oldest first: a CREATE starts from its
 * values, an UPDATE sets each attribute's new value and removes and adds each collection's members,
 * a DELETE ends it. Rows are replayed as written: a masked attribute stays {@code "***"}.
 *
 * <p>An entity may have thousands of rows, so each row's {@code changes} is read with a streaming
 * parser straight into the result, not built into a JSON object first (docs/PERFORMANCE.md, run 8):
 * the parse was most of an as-of's time. And a replay need not start from the first row: it can
 * resume from the {@linkplain #state() state} of an earlier replay at a {@link Position} (see
 * {@link ReplayStates}), and it hands such states out every so many rows as it goes.
 */
public final class EntityReplay {

    /** What a replay needs of a row: its id, its action, its time and its {@code changes} as stored. */
    public record Row(long id, ChangeKind action, Instant occurredAt, String changes) {
    }

    /**
     * How far a replay went: up to the row {@code lastId}, {@code rows} rows of the entity, all of
     * them written at or before {@code latestOccurredAt} (the latest of their times: clocks of two
     * instances may disagree with the order of the ids).
     */
    public record Position(long lastId, int rows, Instant latestOccurredAt) {
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, JsonValue> values = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> members = new LinkedHashMap<>();
    private boolean exists;
    private Position position;

    private EntityReplay() {
    }

    /** A replay from the entity's first row. */
    public static EntityReplay fromTheStart() {
        return new EntityReplay();
    }

    /** A replay that goes on from {@code state}, the {@link #state()} of a replay that stood at {@code position}. */
    public static EntityReplay resume(Position position, String state) {
        var replay = new EntityReplay();
        JsonObject saved;
        try (var reader = JSON.createReader(new StringReader(state))) {
            saved = reader.readObject();
        }
        replay.exists = saved.getBoolean("exists");
        replay.values.putAll(saved.getJsonObject("values"));
        saved.getJsonObject("members").forEach((name, set) -> replay.members.put(name,
                new TreeSet<>(set.asJsonArray().getValuesAs(JsonString::getString))));
        replay.position = position;
        return replay;
    }

    /** The attributes after the rows, or empty if the entity did not exist after the last one. */
    public static Optional<JsonObject> replay(List<Row> oldestFirst) {
        var replay = fromTheStart();
        replay.apply(oldestFirst, Integer.MAX_VALUE, (position, state) -> { });
        return replay.attributes();
    }

    /**
     * Replays {@code oldestFirst}, the rows after this replay's position, and hands {@code keep} the
     * position and state after every row that ends a multiple of {@code every} rows of the entity.
     */
    public void apply(List<Row> oldestFirst, int every, BiConsumer<Position, String> keep) {
        int count = position == null ? 0 : position.rows();
        Instant latest = position == null ? Instant.MIN : position.latestOccurredAt();
        // One parser over all the rows' changes, read as one JSON array: a parser per row cost more
        // to set up (buffers, contexts) than the row's few values cost to read.
        try (JsonParser parser = JSON.createParser(new ArrayOf(oldestFirst))) {
            parser.next(); // the array
            for (Row row : oldestFirst) {
                parser.next(); // the row's object
                apply(row.action(), parser);
                count++;
                latest = row.occurredAt().isAfter(latest) ? row.occurredAt() : latest;
                position = new Position(row.id(), count, latest);
                if (count % every == 0) {
                    keep.accept(position, state());
                }
            }
        }
    }

    /** The attributes so far, or empty if the entity does not exist at this point. */
    public Optional<JsonObject> attributes() {
        if (!exists) {
            return Optional.empty();
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        values.forEach(json::add);
        members.forEach((name, set) -> json.add(name, JSON.createArrayBuilder(List.copyOf(set))));
        return Optional.of(json.build());
    }

    /** Where the replay stands: empty before its first row. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** Everything {@link #resume} needs to go on from here, as JSON text. */
    public String state() {
        JsonObjectBuilder sets = JSON.createObjectBuilder();
        members.forEach((name, set) -> sets.add(name, JSON.createArrayBuilder(List.copyOf(set))));
        JsonObjectBuilder attributes = JSON.createObjectBuilder();
        values.forEach(attributes::add);
        return JSON.createObjectBuilder().add("exists", exists).add("values", attributes).add("members", sets)
                .build().toString();
    }

    /** One row; the parser is at the START_OBJECT of its changes, and is left at its END_OBJECT. */
    private void apply(ChangeKind action, JsonParser parser) {
        if (action == ChangeKind.DELETE) {
            exists = false;
            values.clear();
            members.clear();
            parser.skipObject();
            return;
        }
        if (action == ChangeKind.CREATE) {
            values.clear();
            members.clear();
        }
        // An UPDATE with no CREATE before it (an entity older than its auditing) starts from nothing.
        exists = true;
        while (parser.next() == Event.KEY_NAME) {
            String attribute = parser.getString();
            if (parser.next() == Event.START_OBJECT) {
                change(attribute, parser);
            } else {
                skip(parser, parser.currentEvent());
            }
        }
    }

    /** One attribute's {@code {old, new}} or {@code {added, removed}}; the parser is at its START_OBJECT. */
    private void change(String attribute, JsonParser parser) {
        JsonValue newValue = JsonValue.NULL;
        List<String> added = null;
        List<String> removed = null;
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event value = parser.next();
            switch (key) {
                case "new" -> newValue = parser.getValue();
                case "added" -> added = strings(parser, value);
                case "removed" -> removed = strings(parser, value);
                default -> skip(parser, value);
            }
        }
        if (added == null && removed == null) {
            values.put(attribute, newValue);
            return;
        }
        TreeSet<String> set = members.computeIfAbsent(attribute, name -> new TreeSet<>());
        if (removed != null) {
            removed.forEach(set::remove);
        }
        if (added != null) {
            set.addAll(added);
        }
    }

    /** A collection's keys: strings as they are, anything else as its JSON text. */
    private static List<String> strings(JsonParser parser, Event array) {
        List<String> keys = new ArrayList<>();
        if (array != Event.START_ARRAY) {
            skip(parser, array);
            return keys;
        }
        Event next;
        while ((next = parser.next()) != Event.END_ARRAY) {
            keys.add(next == Event.VALUE_STRING ? parser.getString() : parser.getValue().toString());
        }
        return keys;
    }

    private static void skip(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    /** The rows' {@code changes} as the text of one JSON array, read without copying them into one string. */
    private static final class ArrayOf extends Reader {

        private final List<Row> rows;
        private int row = -1;
        private String current = "[";
        private int position;

        ArrayOf(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (position == current.length()) {
                if (row == rows.size()) {
                    return -1;
                }
                row++;
                current = row == rows.size() ? "]" : (row == 0 ? "" : ",") + rows.get(row).changes();
                position = 0;
            }
            int count = Math.min(length, current.length() - position);
            current.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
