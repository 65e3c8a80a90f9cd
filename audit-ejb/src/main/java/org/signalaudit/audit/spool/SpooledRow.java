package org.signalaudit.audit.spool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.signalaudit.audit.entity.AuditRow;
import org.signalaudit.audit.entity.AuditTable;

/**
 * A request or login row as the spool keeps it: its table and the values of
 * {@link AuditTable#columns()}, exactly as the receiver would have written them (texts already
 * capped and masked, times in microseconds), so the row written later is the same row.
 *
 * <p>The payload of a spool record: a version byte, the table's code, the number of columns, then
 * per column a presence byte and the value (text: length and UTF-8 bytes; number: a long;
 * instant: epoch seconds and nanoseconds, UTC).
 */
public record SpooledRow(AuditTable table, List<Object> values) implements AuditRow {

    /** Only what the outage spool keeps: the rows written in transactions of their own. */
    static final Set<AuditTable> SPOOLED = Set.of(AuditTable.REQUEST, AuditTable.LOGIN);
    private static final byte VERSION = 1;

    public SpooledRow {
        if (!SPOOLED.contains(table)) {
            throw new IllegalArgumentException("The spool keeps request and login rows, not " + table);
        }
        if (values.size() != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, not "
                    + values.size());
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    static SpooledRow of(AuditRow row) {
        return new SpooledRow(row.table(), row.values());
    }

    byte[] encode() {
        var bytes = new ByteArrayOutputStream(512);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(table.code());
            out.writeShort(values.size());
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                out.writeBoolean(value != null);
                if (value != null) {
                    write(out, table.columns().get(i).kind(), value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not on a byte array
        }
        return bytes.toByteArray();
    }

    static SpooledRow decode(byte[] payload) throws IOException {
        try (var in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IOException("A spool record of version " + version + "; this build reads " + VERSION);
            }
            String code = in.readUTF();
            AuditTable table = AuditTable.byCode(code).orElseThrow(() -> new IOException("No audit table " + code));
            int count = in.readShort();
            if (count != table.columns().size()) {
                throw new IOException("A " + code + " row of " + count + " columns; the table has "
                        + table.columns().size());
            }
            List<Object> values = new ArrayList<>(count);
            for (AuditTable.Column column : table.columns()) {
                values.add(in.readBoolean() ? read(in, column.kind()) : null);
            }
            if (in.read() != -1) {
                throw new IOException("Bytes after the last column of a spooled " + code + " row");
            }
            return new SpooledRow(table, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, AuditTable.Kind kind, Object value) throws IOException {
        switch (kind) {
            case TEXT, JSON -> {
                byte[] text = (value instanceof Enum<?> constant ? constant.name() : value.toString())
                        .getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            case NUMBER -> out.writeLong(((Number) value).longValue());
            case INSTANT -> {
                Instant instant = ((OffsetDateTime) value).toInstant();
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
            }
        }
    }

    private static Object read(DataInputStream in, AuditTable.Kind kind) throws IOException {
        return switch (kind) {
            case TEXT, JSON -> {
                int length = in.readInt();
                if (length < 0 || length > SpoolFile.MAX_RECORD) {
                    throw new IOException("A text of " + length + " bytes in a spool record");
                }
                yield new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            case NUMBER -> in.readLong();
            case INSTANT -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(in.readLong(), in.readInt()), ZoneOffset.UTC);
        };
    }

    /** The value of the named column. */
    Object value(String column) {
        List<AuditTable.Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException(table + " has no column " + column);
    }
}
