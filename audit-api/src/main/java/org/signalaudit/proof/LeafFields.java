package org.signalaudit.proof;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoding of a leaf's data (docs/INTEGRITY.md, "The leaves"): a sequence of fields, each its
 * name then its value, both as a 4-byte big-endian length followed by that many bytes of UTF-8; a
 * null value is the length -1 and no bytes. The first three fields are {@code version} =
 * {@value #VERSION}, {@code table} and {@code id}; the table's columns follow.
 *
 * <p>One definition for both sides: the sealer writes leaves with {@link Writer}, and the offline
 * verifier of evidence packs (module audit-verify) reads them back with {@link #row(byte[])}, so
 * what an auditor's tool decodes is by construction what the server hashed.
 */
public final class LeafFields {

    /** The first field of every leaf: the encoding's name and version. */
    public static final String VERSION = "signal-audit-leaf-v1";

    /** One field: a name (never null) and its value (null for SQL NULL). */
    public record Field(String name, String value) {
    }

    /** A decoded leaf: the row's table code and id, and its columns in the sealed order. */
    public record Row(String table, long id, List<Field> columns) {

        public Row {
            columns = List.copyOf(columns);
        }
    }

    private LeafFields() {
    }

    /** Builds the data of one leaf, field by field. */
    public static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        public Writer field(String name, String value) {
            if (name == null) {
                throw new IllegalArgumentException("a leaf field needs a name");
            }
            write(name);
            write(value);
            return this;
        }

        private void write(String value) {
            if (value == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** The leaf of a row: version, table, id, then the columns. */
    public static byte[] of(String table, long id, List<Field> columns) {
        Writer writer = new Writer().field("version", VERSION).field("table", table).field("id", Long.toString(id));
        columns.forEach(column -> writer.field(column.name(), column.value()));
        return writer.bytes();
    }

    /** Every field of the data, strictly: a truncated field, a null name or invalid UTF-8 is refused with the reason. */
    public static List<Field> decode(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        List<Field> fields = new ArrayList<>();
        try {
            while (buffer.hasRemaining()) {
                String name = text(buffer);
                if (name == null) {
                    throw new IllegalArgumentException("field " + (fields.size() + 1) + " has no name");
                }
                fields.add(new Field(name, text(buffer)));
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("the leaf data ends inside field " + (fields.size() + 1));
        }
        return fields;
    }

    /**
     * The row a leaf holds: the version must be {@value #VERSION}, then {@code table} and a
     * decimal {@code id}; an {@link IllegalArgumentException} says what is wrong otherwise.
     */
    public static Row row(byte[] data) {
        List<Field> fields = decode(data);
        if (fields.size() < 3) {
            throw new IllegalArgumentException("the leaf data holds " + fields.size()
                    + " field(s), not version, table, id and the columns");
        }
        expect(fields.get(0), "version");
        if (!VERSION.equals(fields.get(0).value())) {
            throw new IllegalArgumentException("the leaf data is of version '" + fields.get(0).value() + "', not "
                    + VERSION);
        }
        expect(fields.get(1), "table");
        expect(fields.get(2), "id");
        String id = fields.get(2).value();
        if (fields.get(1).value() == null || id == null || !id.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the leaf data's table or id is missing or malformed: "
                    + fields.get(1).value() + " " + id);
        }
        return new Row(fields.get(1).value(), Long.parseLong(id), fields.subList(3, fields.size()));
    }

    private static void expect(Field field, String name) {
        if (!field.name().equals(name)) {
            throw new IllegalArgumentException("the leaf data has '" + field.name() + "' where '" + name + "' belongs");
        }
    }

    private static String text(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a field length of " + length + " with " + buffer.remaining()
                    + " byte(s) left");
        }
        ByteBuffer bytes = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a field is not valid UTF-8");
        }
    }
}
