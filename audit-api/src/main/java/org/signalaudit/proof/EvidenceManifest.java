package org.signalaudit.proof;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What an evidence pack holds, signed by the seal key as a C2SP signed note so that an offline
 * verifier can tell a complete pack from one with a row taken out: the table and filter the rows
 * were selected by, the checkpoint they are proven against, how many rows the pack holds, how many
 * matched but were left out because that checkpoint's tree does not hold them yet, and the SHA-256
 * of the rows' leaves in the pack's order ({@link EvidencePack.RowsDigest}).
 *
 * <p>The body (text, one item per line):
 * <pre>
 * signal-audit evidence pack v1
 * origin signal-audit.local/audit-log
 * table state
 * filter username=alice            (zero or more; the value URL-encoded)
 * created 2026-11-30T18:00:00.123456Z
 * checkpoint 1042 &lt;base64 root hash&gt;
 * rows 12
 * unsealed 0
 * rows-sha256 &lt;base64 digest&gt;
 * </pre>
 * Its second line is not a decimal, so no tlog-checkpoint parser can ever take a manifest signed by
 * the log's key for a checkpoint of the log.
 */
public record EvidenceManifest(String origin, String table, List<Filter> filters, Instant created, long treeSize,
                               byte[] rootHash, long rows, long unsealed, byte[] rowsDigest) {

    /** The first line of every manifest: what it is and the format's version. */
    public static final String HEADER = "signal-audit evidence pack v1";

    /** One filter of the request that selected the rows, e.g. {@code from} = an instant. */
    public record Filter(String name, String value) {

        public Filter {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("a filter name is letters and digits: '" + name + "'");
            }
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    public EvidenceManifest {
        requireWord("origin", origin);
        requireWord("table", table);
        filters = List.copyOf(filters);
        Objects.requireNonNull(created, "created");
        if (treeSize < 0 || rows < 0 || unsealed < 0 || rows > treeSize) {
            throw new IllegalArgumentException("manifest counts out of range: tree " + treeSize + ", rows " + rows
                    + ", unsealed " + unsealed);
        }
        if (rootHash == null || rootHash.length != MerkleHash.LENGTH || rowsDigest == null
                || rowsDigest.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("a manifest's root hash and rows digest have " + MerkleHash.LENGTH
                    + " bytes each");
        }
        rootHash = rootHash.clone();
        rowsDigest = rowsDigest.clone();
    }

    /** The text the seal key signs. */
    public String body() {
        StringBuilder body = new StringBuilder(HEADER).append('\n')
                .append("origin ").append(origin).append('\n')
                .append("table ").append(table).append('\n');
        filters.forEach(filter -> body.append("filter ").append(filter.name()).append('=')
                .append(URLEncoder.encode(filter.value(), StandardCharsets.UTF_8)).append('\n'));
        return body.append("created ").append(created).append('\n')
                .append("checkpoint ").append(treeSize).append(' ').append(base64(rootHash)).append('\n')
                .append("rows ").append(rows).append('\n')
                .append("unsealed ").append(unsealed).append('\n')
                .append("rows-sha256 ").append(base64(rowsDigest)).append('\n')
                .toString();
    }

    /** Strict: anything {@link #body()} would not produce is refused with the reason. */
    public static EvidenceManifest parse(String body) {
        if (body == null || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a manifest must end with a newline");
        }
        Lines lines = new Lines(body.substring(0, body.length() - 1).split("\n", -1));
        if (!HEADER.equals(lines.next())) {
            throw new IllegalArgumentException("not an evidence pack manifest: the first line must be '" + HEADER + "'");
        }
        String origin = lines.value("origin");
        String table = lines.value("table");
        List<Filter> filters = new ArrayList<>();
        while (lines.peek().startsWith("filter ")) {
            String filter = lines.value("filter");
            int equals = filter.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a filter line is 'filter name=value': '" + filter + "'");
            }
            filters.add(new Filter(filter.substring(0, equals),
                    URLDecoder.decode(filter.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        Instant created;
        try {
            created = Instant.parse(lines.value("created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the manifest's creation time is not an ISO-8601 instant", e);
        }
        String[] checkpoint = lines.value("checkpoint").split(" ", -1);
        if (checkpoint.length != 2) {
            throw new IllegalArgumentException("the checkpoint line is 'checkpoint <size> <base64 root>'");
        }
        long treeSize = number("checkpoint size", checkpoint[0]);
        byte[] root = hash("checkpoint root", checkpoint[1]);
        long rows = number("rows", lines.value("rows"));
        long unsealed = number("unsealed", lines.value("unsealed"));
        byte[] digest = hash("rows-sha256", lines.value("rows-sha256"));
        if (lines.hasNext()) {
            throw new IllegalArgumentException("the manifest has lines after rows-sha256: '" + lines.peek() + "'");
        }
        return new EvidenceManifest(origin, table, filters, created, treeSize, root, rows, unsealed, digest);
    }

    /** {@code name=value, ...}, or "none". */
    public String filterText() {
        return filters.isEmpty() ? "none" : String.join(", ", filters.stream().map(Filter::toString).toList());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] rowsDigest() {
        return rowsDigest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvidenceManifest that && body().equals(that.body());
    }

    @Override
    public int hashCode() {
        return body().hashCode();
    }

    @Override
    public String toString() {
        return "EvidenceManifest[" + body().replace('\n', '|') + "]";
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static long number(String what, String text) {
        if (!text.matches("0|[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("the manifest's " + what + " is not a decimal count: '" + text + "'");
        }
        return Long.parseLong(text);
    }

    private static byte[] hash(String what, String text) {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the manifest's " + what + " is not base64: '" + text + "'", e);
        }
        if (hash.length != MerkleHash.LENGTH || !base64(hash).equals(text)) {
            throw new IllegalArgumentException("the manifest's " + what + " is not the base64 of " + MerkleHash.LENGTH
                    + " bytes");
        }
        return hash;
    }

    /** Words of a line: not empty, no space or control character (they separate the items). */
    private static void requireWord(String what, String value) {
        if (value == null || value.isEmpty() || value.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the manifest's " + what + " must be one word: '" + value + "'");
        }
    }

    /** The body's lines, read in order. */
    private static final class Lines {

        private final List<String> lines;
        private int at;

        Lines(String[] lines) {
            this.lines = Arrays.asList(lines);
        }

        boolean hasNext() {
            return at < lines.size();
        }

        String peek() {
            return hasNext() ? lines.get(at) : "";
        }

        String next() {
            if (!hasNext()) {
                throw new IllegalArgumentException("the manifest ends early");
            }
            return lines.get(at++);
        }

        /** The rest of the next line, which must start with the key and a space. */
        String value(String key) {
            String line = next();
            if (!line.startsWith(key + " ")) {
                throw new IllegalArgumentException("the manifest has '" + line + "' where '" + key + " ...' belongs");
            }
            return line.substring(key.length() + 1);
        }
    }
}
