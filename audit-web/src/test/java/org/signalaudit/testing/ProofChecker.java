package org.signalaudit.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An independent check of what the server publishes: RFC 9162 inclusion and consistency proofs
 * and C2SP signed notes, written again from the RFC and the C2SP texts with the JDK only and
 * nothing from org.signalaudit.proof, so that a mistake shared by the sealer and its library
 * cannot pass its own test. Where the library follows the RFC's iterative verification, this
 * rebuilds the roots by the RFC's recursive definitions (PATH and SUBPROOF) instead.
 */
public final class ProofChecker {

    private static final HexFormat HEX = HexFormat.of();
    /** DER of an Ed25519 SubjectPublicKeyInfo without its last 32 bytes, the raw key (RFC 8410). */
    private static final byte[] ED25519_SPKI = HEX.parseHex("302a300506032b6570032100");

    private ProofChecker() {
    }

    /** SHA-256(0x00 || data) as hex: the leaf hash of an entry. */
    public static String leafHash(byte[] data) {
        return HEX.formatHex(sha256(new byte[] {0}, data));
    }

    /** Whether PATH(leafIndex, D[treeSize]) (hex, the RFC's order) leads from the leaf hash to the root (hex or base64). */
    public static boolean verifyInclusion(long leafIndex, long treeSize, String leafHashHex, List<String> auditPathHex,
            String root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        List<byte[]> path = auditPathHex.stream().map(HEX::parseHex).toList();
        byte[] computed = rootFromPath(leafIndex, treeSize, HEX.parseHex(leafHashHex), path, path.size());
        return computed != null && Arrays.equals(computed, hash(root));
    }

    /** Whether PROOF(from, D[to]) (hex) shows the tree of root {@code toRoot} extends the one of {@code fromRoot}. */
    public static boolean verifyConsistency(long from, long to, String fromRoot, String toRoot, List<String> proofHex) {
        if (from <= 0 || to < from) {
            return false;
        }
        List<byte[]> proof = proofHex.stream().map(HEX::parseHex).toList();
        byte[][] roots = rootsFromProof(from, to, true, hash(fromRoot), proof, proof.size());
        return roots != null && Arrays.equals(roots[0], hash(fromRoot)) && Arrays.equals(roots[1], hash(toRoot));
    }

    /**
     * The text of a C2SP signed note if it carries a valid Ed25519 signature of the verifier key
     * ("name+keyid+base64(0x01 || key)"); an AssertionError saying why otherwise.
     */
    public static String verifyNote(String note, String verifierKey) {
        String[] key = verifierKey.split("\\+", 3);
        byte[] typedKey = key.length == 3 ? Base64.getDecoder().decode(key[2]) : new byte[0];
        if (typedKey.length != 33 || typedKey[0] != 1) {
            throw new AssertionError("not an Ed25519 verifier key: " + verifierKey);
        }
        byte[] raw = Arrays.copyOfRange(typedKey, 1, 33);
        byte[] keyId = Arrays.copyOf(sha256(key[0].getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 1}, raw), 4);
        if (!HEX.formatHex(keyId).equals(key[1])) {
            throw new AssertionError("the verifier key's id does not match its name and key: " + verifierKey);
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new AssertionError("no blank line before the signatures in: " + note);
        }
        String text = note.substring(0, blank + 1);
        for (String line : note.substring(blank + 2).split("\n")) {
            String prefix = "\u2014 " + key[0] + " ";
            if (line.startsWith(prefix)) {
                byte[] signed = Base64.getDecoder().decode(line.substring(prefix.length()));
                if (Arrays.equals(Arrays.copyOf(signed, 4), keyId)) {
                    if (!ed25519(raw, text, Arrays.copyOfRange(signed, 4, signed.length))) {
                        throw new AssertionError("the signature of " + key[0] + " does not verify the note:\n" + note);
                    }
                    return text;
                }
            }
        }
        throw new AssertionError("no signature of " + verifierKey + " on the note:\n" + note);
    }

    /** MTH rebuilt from PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) or PATH(m - k, D[k:n]) : MTH(D[0:k]); null if the path's length is wrong. */
    private static byte[] rootFromPath(long m, long n, byte[] leaf, List<byte[]> path, int end) {
        if (n == 1) {
            return end == 0 ? leaf : null;
        }
        if (end == 0) {
            return null;
        }
        long k = Long.highestOneBit(n - 1);
        byte[] sibling = path.get(end - 1);
        if (m < k) {
            byte[] left = rootFromPath(m, k, leaf, path, end - 1);
            return left == null ? null : node(left, sibling);
        }
        byte[] right = rootFromPath(m - k, n - k, leaf, path, end - 1);
        return right == null ? null : node(sibling, right);
    }

    /**
     * The old and the new subtree hash rebuilt from SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1; null
     * if the proof's length is wrong. While b holds the old tree is this whole subtree, whose hash
     * the verifier already has.
     */
    private static byte[][] rootsFromProof(long m, long n, boolean b, byte[] oldRoot, List<byte[]> proof, int end) {
        if (m == n) {
            if (b) {
                return end == 0 ? new byte[][] {oldRoot, oldRoot} : null;
            }
            return end == 1 ? new byte[][] {proof.get(0), proof.get(0)} : null;
        }
        if (end == 0) {
            return null;
        }
        long k = Long.highestOneBit(n - 1);
        byte[] top = proof.get(end - 1);
        if (m <= k) {
            byte[][] left = rootsFromProof(m, k, b, oldRoot, proof, end - 1);
            return left == null ? null : new byte[][] {left[0], node(left[1], top)};
        }
        byte[][] right = rootsFromProof(m - k, n - k, false, oldRoot, proof, end - 1);
        return right == null ? null : new byte[][] {node(top, right[0]), node(top, right[1])};
    }

    private static boolean ed25519(byte[] rawKey, String text, byte[] signature) {
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI, ED25519_SPKI.length + rawKey.length);
            System.arraycopy(rawKey, 0, spki, ED25519_SPKI.length, rawKey.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError("cannot check an Ed25519 signature: " + e, e);
        }
    }

    /** A hash given as 64 hex digits or as base64 (the checkpoint's form). */
    private static byte[] hash(String hexOrBase64) {
        return hexOrBase64.matches("[0-9a-fA-F]{64}") ? HEX.parseHex(hexOrBase64) : Base64.getDecoder().decode(hexOrBase64);
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("no SHA-256", e);
        }
    }
}
