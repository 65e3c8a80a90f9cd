package org.signalaudit.audit.seal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.signalaudit.audit.entity.AuditTable;

/**
 * The data of a row's leaf, the bytes the tree hashes ({@code leaf = SHA-256(0x00 ‖ data)}, RFC
 * 9162): a canonical, unambiguous encoding of the table, the row's id and every column
 * {@link AuditTable} lists, in its order. Each field is its name and its value, both as a 4-byte
 * big-endian length and that many bytes of UTF-8 (a null value: the length -1, no bytes), so no
 * two different rows encode alike whatever their values hold.
 *
 * <p>Values take the form the database gives back, so the sealer, the verify and an auditor's own
 * tool agree: instants as the UTC instant to the microsecond ({@code 2026-11-30T10:15:30.123456Z}),
 * numbers in decimal, enums by name, JSON in {@link CanonicalJson}'s form (jsonb reorders keys).
 * The id is part of the leaf, so a proof of inclusion names the row it proves.
 */
public final class LeafData {

    /** The first field of every leaf: the encoding's name and version. */
    public static final String VERSION = "signal-audit-leaf-v1";

    private LeafData() {
    }

    public static byte[] of(AuditTable table, long id, List<Object> values) {
        if (values.size() != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, got "
                    + values.size() + " values");
        }
        Encoder encoder = new Encoder();
        encoder.field("version", VERSION);
        encoder.field("table", table.code());
        encoder.field("id", Long.toString(id));
        for (int i = 0; i < values.size(); i++) {
            AuditTable.Column column = table.columns().get(i);
            encoder.field(column.name(), canonical(column.kind(), values.get(i)));
        }
        return encoder.bytes();
    }

    /** A value as the leaf encodes it (null stays null): the forwarded copy carries the same strings. */
    public static String canonical(AuditTable.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> value instanceof Enum<?> constant ? constant.name() : value.toString();
            case NUMBER -> Long.toString(((Number) value).longValue());
            case INSTANT -> instant(value).truncatedTo(ChronoUnit.MICROS).toString();
            case JSON -> CanonicalJson.of(value.toString());
        };
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    private static final class Encoder {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void field(String name, String value) {
            write(name);
            write(value);
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

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
