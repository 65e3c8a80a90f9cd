package org.signalaudit.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of one chained row: SHA-256 over a canonical, unambiguous encoding of the table, the
 * row's position, the previous row's hash and the covered columns in {@link ChainedTable}'s
 * order. Each field is its name and its value, both length-prefixed UTF-8, a null value a length
 * of -1: no two different rows encode alike, whatever characters their values hold.
 *
 * <p>Values take the form the database gives back, so that the writer and the verifier agree:
 * instants in UTC to the microsecond (both databases keep microseconds), numbers in decimal, JSON
 * in {@link CanonicalJson}'s form (jsonb reorders keys and drops whitespace), enums by name.
 */
public final class RowDigest {

    /** The previous hash of a chain's first row. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "signal-audit-chain-v1";

    private RowDigest() {
    }

    public static String hash(ChainedTable table, long position, String previousHash, List<Object> values) {
        if (values.size() != table.columns().size()) {
            throw new IllegalArgumentException(table + " covers " + table.columns().size() + " columns, got "
                    + values.size() + " values");
        }
        Encoder encoder = new Encoder();
        encoder.field("version", VERSION);
        encoder.field("table", table.tableName());
        encoder.field("chain_seq", Long.toString(position));
        encoder.field("prev_hash", previousHash);
        for (int i = 0; i < values.size(); i++) {
            ChainedTable.Column column = table.columns().get(i);
            encoder.field(column.name(), canonical(column.kind(), values.get(i)));
        }
        return HexFormat.of().formatHex(sha256(encoder.bytes()));
    }

    /** The instant a row stores: both databases keep microseconds, so nothing finer is hashed. */
    public static OffsetDateTime storable(OffsetDateTime instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String canonical(ChainedTable.Kind kind, Object value) {
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
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
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
