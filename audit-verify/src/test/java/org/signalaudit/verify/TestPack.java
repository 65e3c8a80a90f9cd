package org.signalaudit.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.signalaudit.proof.Checkpoint;
import org.signalaudit.proof.EvidenceManifest;
import org.signalaudit.proof.EvidencePack;
import org.signalaudit.proof.Frontier;
import org.signalaudit.proof.LeafFields;
import org.signalaudit.proof.MerkleHash;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.Node;
import org.signalaudit.proof.NodeId;
import org.signalaudit.proof.SignedNote;

/**
 * Builds evidence packs in the tests as the server lays them out: a log of rows of several tables
 * interleaved, a checkpoint signed with a fresh key, the rows of one table with their proofs, a
 * signed manifest. The JSON lines are written by hand (the module has no JSON library either).
 */
final class TestPack {

    static final String ORIGIN = "audit.example.test/log";
    private static final HexFormat HEX = HexFormat.of();

    final KeyPair key = org.signalaudit.proof.SealKeys.generate();
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<long[]> stateRows = new ArrayList<>(); // {id, leafIndex}
    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final Frontier frontier = Frontier.empty();
    private final Map<Long, byte[]> leafData = new HashMap<>();

    /** A log of 13 leaves: state rows 7, 8, 11, 12, 20 among request and login rows. */
    TestPack() {
        long requestId = 100;
        long stateId = 7;
        for (int i = 0; i < 13; i++) {
            if (i % 3 == 1 || i == 12) {
                append(stateRow(stateId), stateId);
                stateId = stateId == 8 ? 11 : stateId == 12 ? 20 : stateId + 1;
            } else {
                append(LeafFields.of("request", requestId++, List.of(new LeafFields.Field("status", "200"))), -1);
            }
        }
    }

    private static byte[] stateRow(long id) {
        return LeafFields.of("state", id, List.of(
                new LeafFields.Field("username", "alice-" + id),
                new LeafFields.Field("initiated_by", "admin"),
                new LeafFields.Field("start_state", id == 7 ? null : "ACTIVE"),
                new LeafFields.Field("end_state", "LOCKED"),
                new LeafFields.Field("occurred_at", "2026-11-30T10:15:30.123456Z"),
                new LeafFields.Field("reason", "a \"quoted\" reason\nover two lines, caf\u00e9 \u2603")));
    }

    private void append(byte[] data, long stateId) {
        long index = leaves.size();
        byte[] hash = MerkleHash.leaf(data);
        leaves.add(hash);
        for (Node node : frontier.append(hash)) {
            nodes.put(node.id(), node.hash());
        }
        if (stateId >= 0) {
            stateRows.add(new long[] {stateId, index});
            leafData.put(stateId, data);
        }
    }

    long size() {
        return leaves.size();
    }

    String verifierKey() {
        return SignedNote.verifierKey(ORIGIN, key.getPublic());
    }

    /** The checkpoint of the tree's first {@code size} leaves, signed. */
    String checkpoint(long size) {
        byte[] root = MerkleTree.root(size, nodes);
        return SignedNote.sign(new Checkpoint(ORIGIN, size, root, List.of()).body(), ORIGIN, key.getPrivate());
    }

    /** The entries of a real pack of every state row, proven against the whole tree. */
    Map<String, String> entries() {
        long size = size();
        byte[] root = MerkleTree.root(size, nodes);
        StringBuilder rows = new StringBuilder();
        EvidencePack.RowsDigest digest = new EvidencePack.RowsDigest();
        for (long[] row : stateRows) {
            byte[] data = leafData.get(row[0]);
            byte[] hash = MerkleHash.leaf(data);
            digest.add(row[1], hash);
            rows.append(line(digest.rows(), row[0], row[1], data, MerkleTree.inclusionProof(row[1], size, nodes)));
        }
        EvidenceManifest manifest = new EvidenceManifest(ORIGIN, "state",
                List.of(new EvidenceManifest.Filter("from", "2026-11-30T00:00:00Z"),
                        new EvidenceManifest.Filter("username", "a b&c=d")),
                Instant.parse("2026-11-30T18:00:00.123456Z"), size, root, digest.rows(), 1, digest.digest());
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(EvidencePack.KEY, verifierKey() + "\n");
        entries.put(EvidencePack.CHECKPOINT, checkpoint(size));
        entries.put(EvidencePack.ROWS, rows.toString());
        entries.put(EvidencePack.MANIFEST, SignedNote.sign(manifest.body(), ORIGIN, key.getPrivate()));
        entries.put(EvidencePack.README, "# test pack\n");
        return entries;
    }

    private static String line(long n, long id, long index, byte[] data, List<byte[]> proof) {
        StringBuilder json = new StringBuilder("{\"n\":").append(n).append(",\"table\":\"state\",\"id\":").append(id)
                .append(",\"leafIndex\":").append(index).append(",\"fields\":{");
        List<LeafFields.Field> columns = LeafFields.row(data).columns();
        for (int i = 0; i < columns.size(); i++) {
            String value = columns.get(i).value();
            json.append(i == 0 ? "" : ",").append('"').append(columns.get(i).name()).append("\":")
                    .append(value == null ? "null" : string(value));
        }
        json.append("},\"leafData\":\"").append(Base64.getEncoder().encodeToString(data)).append("\",\"leafHash\":\"")
                .append(HEX.formatHex(MerkleHash.leaf(data))).append("\",\"auditPath\":[");
        for (int i = 0; i < proof.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(HEX.formatHex(proof.get(i))).append('"');
        }
        return json.append("]}\n").toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped, the rest as is (é, ☃) or as \\u (the newline). */
    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static Path write(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The entries of a pack file, to tamper with a copy. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** A copy of the entries with one of them changed. */
    static Map<String, String> with(Map<String, String> entries, String name, UnaryOperator<String> change) {
        Map<String, String> copy = new LinkedHashMap<>(entries);
        copy.put(name, change.apply(copy.get(name)));
        return copy;
    }
}
