package org.signalaudit.audit.evidence;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.proof.EvidenceManifest;
import org.signalaudit.proof.EvidencePack;
import org.signalaudit.proof.LeafFields;
import org.signalaudit.proof.MerkleHash;

/**
 * Writes the ZIP of a pack in one pass, in the order its contents are known: the key and the
 * checkpoint, then the rows as they are read (one JSON line each, never more than one held), then
 * the manifest that counts and digests them, and the README last, with the figures.
 */
final class EvidenceZip implements Closeable {

    /** Looked up once, not per line (docs/PERFORMANCE.md, run 5). */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final HexFormat HEX = HexFormat.of();

    private final ZipOutputStream zip;
    private final Writer rows;
    private final EvidencePack.RowsDigest digest = new EvidencePack.RowsDigest();
    private final String table;
    private long unsealed;

    /** Starts the pack: the verifier key, the checkpoint note, and opens the rows' entry. */
    EvidenceZip(OutputStream out, String table, String verifierKey, String checkpointNote) throws IOException {
        this.table = table;
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        text(EvidencePack.KEY, verifierKey + "\n");
        text(EvidencePack.CHECKPOINT, checkpointNote);
        zip.putNextEntry(new ZipEntry(EvidencePack.ROWS));
        this.rows = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
    }

    /** One row: a line if the checkpoint's tree holds it, else only counted. */
    void row(SealedRows.Row row) {
        if (!row.sealed()) {
            unsealed++;
            return;
        }
        byte[] leafHash = MerkleHash.leaf(row.leafData());
        digest.add(row.leafIndex(), leafHash);
        LeafFields.Row decoded = LeafFields.row(row.leafData());
        StringWriter line = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject()
                    .write(EvidencePack.LINE, digest.rows())
                    .write(EvidencePack.TABLE, table)
                    .write(EvidencePack.ID, row.id())
                    .write(EvidencePack.LEAF_INDEX, row.leafIndex())
                    .writeStartObject(EvidencePack.FIELDS);
            for (LeafFields.Field field : decoded.columns()) {
                if (field.value() == null) {
                    json.writeNull(field.name());
                } else {
                    json.write(field.name(), field.value());
                }
            }
            json.writeEnd()
                    .write(EvidencePack.LEAF_DATA, Base64.getEncoder().encodeToString(row.leafData()))
                    .write(EvidencePack.LEAF_HASH, HEX.formatHex(leafHash))
                    .writeStartArray(EvidencePack.AUDIT_PATH);
            row.auditPath().forEach(hash -> json.write(HEX.formatHex(hash)));
            json.writeEnd().writeEnd();
        }
        try {
            rows.write(line.toString());
            rows.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence pack could not be written (did the client go away?)", e);
        }
    }

    long rowCount() {
        return digest.rows();
    }

    long unsealedCount() {
        return unsealed;
    }

    /** The digest of the rows written; call once, after the last row. */
    byte[] rowsDigest() {
        return digest.digest();
    }

    /** Ends the rows, writes the signed manifest, the months retention dropped, and the README filled in from them. */
    void finish(String manifestNote, EvidenceManifest manifest, List<RetiredMonth> retired) throws IOException {
        rows.flush();
        zip.closeEntry();
        text(EvidencePack.MANIFEST, manifestNote);
        text(EvidencePack.RETENTION, retention(retired));
        text(EvidencePack.README, readme(manifest).replace("{{retention}}", retentionText(retired)));
    }

    private static String retention(List<RetiredMonth> retired) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (RetiredMonth month : retired) {
                json.writeStartObject().write("table", month.table()).write("month", month.month())
                        .write("rows", month.rows());
                if (month.firstLeaf() == null) {
                    json.writeNull("firstLeaf").writeNull("lastLeaf");
                } else {
                    json.write("firstLeaf", month.firstLeaf()).write("lastLeaf", month.lastLeaf());
                }
                json.write("leavesDigest", month.leavesDigest()).write("droppedAt", month.droppedAt().toString())
                        .write("droppedBy", month.droppedBy()).write("reason", month.reason()).writeEnd();
            }
            json.writeEnd();
        }
        return text + "\n";
    }

    private static String retentionText(List<RetiredMonth> retired) {
        if (retired.isEmpty()) {
            return "Retention has removed no month of this table.";
        }
        return "Retention has removed " + retired.size() + " month(s) of this table, whose rows no pack can hold "
                + "any more: " + String.join("; ", retired.stream().map(month -> month.month() + " (" + month.rows()
                + " rows, leaves " + month.firstLeaf() + " to " + month.lastLeaf() + ", dropped " + month.droppedAt()
                + " by " + month.droppedBy() + ": " + month.reason() + ")").toList()) + ". Details in `retention.json`.";
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void text(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readme(EvidenceManifest manifest) throws IOException {
        String template;
        try (InputStream in = EvidenceZip.class.getResourceAsStream("README.md")) {
            if (in == null) {
                throw new IOException("the evidence pack's README template is missing from the build");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (List<String> slot : List.of(
                List.of("{{table}}", manifest.table()),
                List.of("{{filters}}", manifest.filterText()),
                List.of("{{created}}", manifest.created().toString()),
                List.of("{{origin}}", manifest.origin()),
                List.of("{{treeSize}}", Long.toString(manifest.treeSize())),
                List.of("{{rows}}", Long.toString(manifest.rows())),
                List.of("{{unsealed}}", Long.toString(manifest.unsealed())))) {
            template = template.replace(slot.get(0), slot.get(1));
        }
        return template;
    }
}
