package org.signalaudit.audit.forward;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.seal.LeafData;
import org.signalaudit.audit.seal.TreeStore;

/**
 * An entry as one RFC 5424 syslog message whose MSG is one JSON object:
 *
 * <pre>
 * &lt;110&gt;1 2026-11-30T10:15:30.123456Z host signal-audit - leaf - {"leafIndex":12,"table":"state","id":42,
 *     "leafHash":"…","row":{"username":"…",…}}
 * &lt;110&gt;1 2026-11-30T10:15:31.002Z host signal-audit - checkpoint - {"treeSize":13,"rootHash":"…",
 *     "sealedAt":"…","keyId":"…","note":"…"}
 * </pre>
 *
 * Facility 13 ("log audit"), severity 6 (informational); APP-NAME {@code signal-audit}; MSGID
 * {@code leaf} or {@code checkpoint}, for a receiver to filter on; no structured data (a
 * structured-data ID would need an IANA enterprise number). The timestamp is the row's
 * {@code occurred_at} or the checkpoint's sealing time. The row's fields are the strings its leaf
 * encodes ({@link LeafData}), in the leaf's order, so the message is enough to recompute the leaf
 * hash; a repeated message (at least once) has the same leaf index, or tree size, and content.
 */
final class SyslogFormat {

    static final String APP_NAME = "signal-audit";

    /** Facility 13, log audit, times 8, plus severity 6, informational (RFC 5424 §6.2.1). */
    static final int PRIORITY = 13 * 8 + 6;

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(null);

    private final String hostname;

    SyslogFormat(String hostname) {
        this.hostname = header(hostname, 255);
    }

    byte[] message(LogEntry entry) {
        if (entry instanceof LogEntry.Row row) {
            return message("leaf", occurredAt(row), json(row));
        }
        TreeStore.StoredCheckpoint checkpoint = ((LogEntry.Checkpoint) entry).checkpoint();
        return message("checkpoint", checkpoint.sealedAt().toInstant(), json(checkpoint));
    }

    private byte[] message(String messageId, Instant time, String json) {
        String timestamp = time == null ? "-" : time.truncatedTo(ChronoUnit.MICROS).toString();
        return ("<" + PRIORITY + ">1 " + timestamp + " " + hostname + " " + APP_NAME + " - " + messageId + " - " + json)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String json(LogEntry.Row row) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            TreeStore.Leaf leaf = row.leaf();
            json.writeStartObject()
                    .write("leafIndex", leaf.index())
                    .write("table", leaf.table().code())
                    .write("id", leaf.rowId())
                    .write("leafHash", HEX.formatHex(leaf.hash()));
            if (row.values() == null) {
                json.writeNull("row");
            } else {
                json.writeStartObject("row");
                List<AuditTable.Column> columns = leaf.table().columns();
                for (int i = 0; i < columns.size(); i++) {
                    String value = LeafData.canonical(columns.get(i).kind(), row.values().get(i));
                    if (value == null) {
                        json.writeNull(columns.get(i).name());
                    } else {
                        json.write(columns.get(i).name(), value);
                    }
                }
                json.writeEnd();
            }
            json.writeEnd();
        }
        return text.toString();
    }

    static String json(TreeStore.StoredCheckpoint checkpoint) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject()
                    .write("treeSize", checkpoint.treeSize())
                    .write("rootHash", HEX.formatHex(checkpoint.rootHash()))
                    .write("sealedAt", checkpoint.sealedAt().toInstant().truncatedTo(ChronoUnit.MICROS).toString())
                    .write("keyId", checkpoint.keyId())
                    .write("note", checkpoint.note())
                    .writeEnd();
        }
        return text.toString();
    }

    private static Instant occurredAt(LogEntry.Row row) {
        if (row.values() == null) {
            return null;
        }
        List<AuditTable.Column> columns = row.leaf().table().columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals("occurred_at")) {
                return (Instant) row.values().get(i);
            }
        }
        return null;
    }

    /** A header field: printable US-ASCII without spaces (RFC 5424 §6), at most {@code max} characters, or "-". */
    static String header(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder field = new StringBuilder();
        value.chars().limit(max).forEach(c -> field.append(c >= 33 && c <= 126 ? (char) c : '_'));
        return field.toString();
    }
}
