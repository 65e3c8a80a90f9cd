package org.signalaudit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.signalaudit.proof.Checkpoint;
import org.signalaudit.proof.EvidenceManifest;
import org.signalaudit.proof.EvidencePack;
import org.signalaudit.proof.LeafFields;
import org.signalaudit.proof.MerkleHash;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.SignedNote;

/**
 * Checks an evidence pack with nothing but the JDK: the key, the checkpoint's signature, the
 * manifest's signature and that it names that checkpoint, every row (its fields are its leaf
 * data's, its leaf hash is its data's, its inclusion proof leads to the checkpoint's root), and
 * that the rows are exactly those the manifest was signed over. Every check runs, so the report
 * names every problem, not just the first.
 */
final class PackVerifier {

    /** Rows whose problems are listed one by one; the rest are counted. */
    static final int LISTED_ROW_FAILURES = 20;

    /** The largest note or key read into memory: a real one is a few hundred bytes. */
    private static final int MAX_SMALL_ENTRY = 1 << 20;

    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> LINE_MEMBERS = Set.of(EvidencePack.LINE, EvidencePack.TABLE, EvidencePack.ID,
            EvidencePack.LEAF_INDEX, EvidencePack.FIELDS, EvidencePack.LEAF_DATA, EvidencePack.LEAF_HASH,
            EvidencePack.AUDIT_PATH);

    private final Report report = new Report();

    private PackVerifier() {
    }

    /**
     * The report of a pack; {@code trustedKey} is a verifier key obtained elsewhere (null: the
     * pack's own, which proves only that the pack agrees with itself).
     */
    static Report verify(Path pack, String trustedKey) {
        PackVerifier verifier = new PackVerifier();
        try (ZipFile zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
            verifier.verify(zip, trustedKey);
        } catch (IOException e) {
            verifier.report.fail("pack", pack + " is not a readable ZIP file: " + e.getMessage());
        }
        return verifier.report;
    }

    private void verify(ZipFile zip, String trustedKey) throws IOException {
        String key = key(zip, trustedKey);
        if (key == null) {
            return;
        }
        Checkpoint checkpoint = checkpoint(zip, key);
        EvidenceManifest manifest = manifest(zip, key, checkpoint);
        if (checkpoint == null || manifest == null) {
            return;
        }
        rows(zip, checkpoint, manifest);
    }

    /** The key to verify with: the trusted one (which the pack's must be), else the pack's own. */
    private String key(ZipFile zip, String trustedKey) throws IOException {
        String packKey = text(zip, EvidencePack.KEY);
        if (packKey != null) {
            packKey = packKey.strip();
        }
        String key = trustedKey != null ? trustedKey : packKey;
        if (key == null) {
            report.fail("key", "the pack has no " + EvidencePack.KEY + " and no key was given with --key");
            return null;
        }
        try {
            SignedNote.publicKey(key);
        } catch (IllegalArgumentException e) {
            report.fail("key", (trustedKey != null ? "the key given with --key" : EvidencePack.KEY) + ": " + e.getMessage());
            return null;
        }
        if (trustedKey == null) {
            report.ok("key", key + " from the pack's own " + EvidencePack.KEY
                    + " (give a key obtained elsewhere with --key: the pack's own key proves only that the pack agrees with itself)");
        } else if (packKey != null && !packKey.equals(trustedKey)) {
            report.fail("key", "the pack's " + EvidencePack.KEY + " (" + packKey + ") is not the key given with --key ("
                    + trustedKey + ")");
        } else {
            report.ok("key", key + ", given with --key" + (packKey == null ? "" : ", the same as the pack's " + EvidencePack.KEY));
        }
        return key;
    }

    private Checkpoint checkpoint(ZipFile zip, String key) throws IOException {
        String note = text(zip, EvidencePack.CHECKPOINT);
        if (note == null) {
            return null;
        }
        try {
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.verify(note, key).body());
            report.ok("checkpoint", "a tree of " + checkpoint.size() + " leaves, root "
                    + HEX.formatHex(checkpoint.rootHash()) + ", signed by " + checkpoint.origin());
            return checkpoint;
        } catch (IllegalArgumentException | SignedNote.NoteException e) {
            report.fail("checkpoint", EvidencePack.CHECKPOINT + ": " + e.getMessage());
            return null;
        }
    }

    private EvidenceManifest manifest(ZipFile zip, String key, Checkpoint checkpoint) throws IOException {
        String note = text(zip, EvidencePack.MANIFEST);
        if (note == null) {
            return null;
        }
        EvidenceManifest manifest;
        try {
            manifest = EvidenceManifest.parse(SignedNote.verify(note, key).body());
        } catch (IllegalArgumentException | SignedNote.NoteException e) {
            report.fail("manifest", EvidencePack.MANIFEST + ": " + e.getMessage());
            return null;
        }
        report.ok("manifest", "signed; table " + manifest.table() + ", filter " + manifest.filterText() + ", made "
                + manifest.created() + ", " + manifest.rows() + " row(s), " + manifest.unsealed()
                + " more matching row(s) left out as not sealed in the checkpoint's tree yet");
        if (checkpoint != null && (checkpoint.size() != manifest.treeSize()
                || !MessageDigest.isEqual(checkpoint.rootHash(), manifest.rootHash())
                || !checkpoint.origin().equals(manifest.origin()))) {
            report.fail("checkpoint", EvidencePack.CHECKPOINT + " is a tree of " + checkpoint.size() + " leaves of "
                    + checkpoint.origin() + ", root " + HEX.formatHex(checkpoint.rootHash())
                    + ", but the manifest was signed over the tree of " + manifest.treeSize() + " leaves of "
                    + manifest.origin() + ", root " + HEX.formatHex(manifest.rootHash()) + ": the checkpoint was swapped");
            return null;
        }
        return manifest;
    }

    /** Each row, then whether the rows are the ones the manifest counts and digests. */
    private void rows(ZipFile zip, Checkpoint checkpoint, EvidenceManifest manifest) throws IOException {
        ZipEntry entry = zip.getEntry(EvidencePack.ROWS);
        if (entry == null) {
            report.fail("rows", "the pack has no " + EvidencePack.ROWS);
            return;
        }
        EvidencePack.RowsDigest digest = new EvidencePack.RowsDigest();
        List<String> failures = new ArrayList<>();
        long failed = 0;
        long lines = 0;
        long expectedNumber = 1;
        Long previousId = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            String text;
            while ((text = reader.readLine()) != null) {
                lines++;
                Line line = new Line(lines, text);
                String problem = line.check(checkpoint, manifest, expectedNumber, previousId);
                if (line.number != null) {
                    expectedNumber = line.number + 1;
                }
                if (line.id != null) {
                    previousId = line.id;
                }
                if (line.leafIndex != null && line.leafData != null) {
                    digest.add(line.leafIndex, MerkleHash.leaf(line.leafData));
                }
                if (problem != null) {
                    failed++;
                    if (failures.size() < LISTED_ROW_FAILURES) {
                        failures.add(line.name() + ": " + problem);
                    }
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            report.fail("rows", EvidencePack.ROWS + " after line " + lines + " is not valid UTF-8");
            return;
        }
        if (failed == 0) {
            report.ok("rows", lines + " row(s) in " + EvidencePack.ROWS + ", each showing the fields it was sealed with,"
                    + " with an inclusion proof that leads to the checkpoint's root");
        } else {
            failures.forEach(failure -> report.fail("row", failure));
            if (failed > failures.size()) {
                report.fail("rows", (failed - failures.size()) + " more row(s) failed");
            }
        }
        completeness(lines, digest.digest(), manifest);
    }

    private void completeness(long rows, byte[] digest, EvidenceManifest manifest) {
        if (rows != manifest.rows()) {
            report.fail("completeness", EvidencePack.ROWS + " holds " + rows + " row(s), the signed manifest "
                    + manifest.rows() + ": " + (rows < manifest.rows() ? "rows were removed" : "rows were added"));
        } else if (!MessageDigest.isEqual(digest, manifest.rowsDigest())) {
            report.fail("completeness", "the rows of " + EvidencePack.ROWS
                    + " are not the ones the manifest was signed over: a row was changed, swapped, moved or replaced");
        } else {
            report.ok("completeness", "exactly the " + rows + " row(s) the manifest was signed over, in its order;"
                    + " that no other row matched the filter is the server's word, not proven (README.md)");
            report.summary(rows + " row(s) of table " + manifest.table() + " (filter " + manifest.filterText()
                    + ") are in the log " + manifest.origin() + " as shown, proven against its checkpoint of "
                    + manifest.treeSize() + " leaves");
        }
    }

    /** A small entry as text; null, with the failure reported, when it is missing or too large. */
    private String text(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            report.fail(name.substring(0, name.indexOf('.')), "the pack has no " + name);
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_SMALL_ENTRY + 1);
            if (bytes.length > MAX_SMALL_ENTRY) {
                report.fail(name.substring(0, name.indexOf('.')), name + " is larger than " + MAX_SMALL_ENTRY + " bytes");
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One line of rows.jsonl and what it claims. */
    private static final class Line {

        private final long at;
        private final String text;
        Long number;
        String table;
        Long id;
        Long leafIndex;
        byte[] leafData;

        Line(long at, String text) {
            this.at = at;
            this.text = text;
        }

        String name() {
            return (table != null && id != null ? table + " row " + id + " (" : "(") + EvidencePack.ROWS + " line " + at
                    + (leafIndex != null ? ", leaf " + leafIndex : "") + ")";
        }

        /** The first problem of the line, or null if it is a proven row of the pack. */
        String check(Checkpoint checkpoint, EvidenceManifest manifest, long expectedNumber, Long previousId) {
            Map<String, Object> json;
            try {
                if (!(Json.parse(text) instanceof Map<?, ?> object)) {
                    return "not a JSON object";
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) object;
                json = members;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (!LINE_MEMBERS.equals(json.keySet())) {
                return "its members are " + json.keySet() + ", not " + LINE_MEMBERS;
            }
            table = json.get(EvidencePack.TABLE) instanceof String t ? t : null;
            id = json.get(EvidencePack.ID) instanceof Long i ? i : null;
            number = json.get(EvidencePack.LINE) instanceof Long n ? n : null;
            Long index = json.get(EvidencePack.LEAF_INDEX) instanceof Long l ? l : null;
            if (table == null || id == null || number == null || index == null) {
                return "table must be text, and n, id and leafIndex whole numbers";
            }
            try {
                leafData = Base64.getDecoder().decode((String) json.get(EvidencePack.LEAF_DATA));
            } catch (ClassCastException | IllegalArgumentException e) {
                return "leafData is not base64";
            }
            leafIndex = index;
            if (number != expectedNumber) {
                return "it is numbered " + number + " where row " + expectedNumber + " belongs: "
                        + (number > expectedNumber ? "row(s) " + expectedNumber + (number - 1 > expectedNumber ? " to "
                        + (number - 1) : "") + " were removed" : "rows were repeated or moved");
            }
            if (!table.equals(manifest.table())) {
                return "a row of table " + table + " in a pack of table " + manifest.table();
            }
            if (previousId != null && id <= previousId) {
                return "its id is not above the previous row's (" + previousId + "): rows were repeated or moved";
            }
            String sealed = sealedFields(json.get(EvidencePack.FIELDS));
            if (sealed != null) {
                return sealed;
            }
            byte[] hash = MerkleHash.leaf(leafData);
            if (!HEX.formatHex(hash).equals(json.get(EvidencePack.LEAF_HASH))) {
                return "leafHash is not the hash of leafData (" + HEX.formatHex(hash) + ")";
            }
            List<byte[]> path = new ArrayList<>();
            if (!(json.get(EvidencePack.AUDIT_PATH) instanceof List<?> hashes)) {
                return "auditPath is not an array";
            }
            for (Object hex : hashes) {
                try {
                    path.add(HEX.parseHex((String) hex));
                } catch (ClassCastException | IllegalArgumentException e) {
                    return "auditPath holds something other than hex hashes";
                }
            }
            if (!MerkleTree.verifyInclusion(leafIndex, checkpoint.size(), hash, path, checkpoint.rootHash())) {
                return "not in the signed log as shown: its leaf data and inclusion proof do not lead to the"
                        + " checkpoint's root (the row or its proof was changed)";
            }
            return null;
        }

        /** Whether the fields shown are the leaf data's: the same row, the same columns, the same values. */
        private String sealedFields(Object shown) {
            LeafFields.Row row;
            try {
                row = LeafFields.row(leafData);
            } catch (IllegalArgumentException e) {
                return "leafData is not a leaf of the log: " + e.getMessage();
            }
            if (!row.table().equals(table) || row.id() != id) {
                return "its leaf data is the leaf of " + row.table() + " row " + row.id();
            }
            if (!(shown instanceof Map<?, ?> fields)) {
                return "fields is not an object";
            }
            Map<String, String> sealed = new LinkedHashMap<>();
            row.columns().forEach(column -> sealed.put(column.name(), column.value()));
            if (!fields.keySet().equals(sealed.keySet())) {
                return "its fields are " + fields.keySet() + ", the sealed columns " + sealed.keySet();
            }
            for (Map.Entry<String, String> column : sealed.entrySet()) {
                Object value = fields.get(column.getKey());
                String text = value == Json.NULL ? null : value instanceof String s ? s : "(" + value + ")";
                if (!Objects.equals(text, column.getValue())) {
                    return "the field " + column.getKey() + " shows " + quoted(text) + " but was sealed as "
                            + quoted(column.getValue());
                }
            }
            return null;
        }

        /** The value on one line: line breaks and other control characters escaped as in Java. */
        private static String quoted(String value) {
            if (value == null) {
                return "null";
            }
            StringBuilder out = new StringBuilder("'");
            for (char c : value.toCharArray()) {
                if (c == '\n') {
                    out.append("\\n");
                } else if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('\'').toString();
        }
    }
}
