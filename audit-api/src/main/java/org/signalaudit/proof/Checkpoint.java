package org.signalaudit.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint) body: the text a signed note signs,
 * in the format transparency-log tools and witnesses already read. Construction validates what
 * the format forbids, so a body that would not parse can never be signed.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        requireLine("origin", origin);
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint tree size must not be negative: " + size);
        }
        if (rootHash == null || rootHash.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("checkpoint root hash must have " + MerkleHash.LENGTH + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        extensions.forEach(extension -> requireLine("extension line", extension));
    }

    /** "origin\nsize\nbase64(root)\n" + each extension + "\n". */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> body.append(extension).append('\n'));
        return body.toString();
    }

    /** Strict: anything {@link #body()} would not produce is refused with the reason. */
    public static Checkpoint parse(String body) {
        if (body == null || !body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body must end with a newline");
        }
        List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("a checkpoint body needs an origin, a tree size and a root hash line, found "
                    + lines.size() + " line(s)");
        }
        return new Checkpoint(lines.get(0), parseSize(lines.get(1)), parseRoot(lines.get(2)),
                new ArrayList<>(lines.subList(3, lines.size())));
    }

    private static long parseSize(String line) {
        if (!line.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("checkpoint tree size is not a decimal without leading zeros: '" + line + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint tree size out of range: " + line, e);
        }
    }

    private static byte[] parseRoot(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint root hash is not standard base64: '" + line + "'", e);
        }
        if (root.length != MerkleHash.LENGTH || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new IllegalArgumentException("checkpoint root hash is not the padded base64 of "
                    + MerkleHash.LENGTH + " bytes: '" + line + "'");
        }
        return root;
    }

    /** A line of a note: not empty (an empty line ends the body) and no control character. */
    private static void requireLine(String what, String line) {
        Objects.requireNonNull(line, what);
        if (line.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + what + " must not be empty");
        }
        if (line.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("checkpoint " + what + " must not contain a control character: '"
                    + line.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(rootHash)
                + ", " + extensions.size() + " extension(s)]";
    }
}
