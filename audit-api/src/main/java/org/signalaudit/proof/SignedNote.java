package org.signalaudit.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * C2SP signed note (https://c2sp.org/signed-note) with Ed25519 (signature type 0x01): the text,
 * a blank line, then lines "— name base64(keyId || signature)". The same format as Go's
 * golang.org/x/mod/sumdb/note, so witnesses and transparency-log tools read our checkpoints.
 */
public final class SignedNote {

    private static final byte ED25519 = 0x01;
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int KEY_ID_LENGTH = 4;
    private static final int RAW_KEY_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): what the JDK wraps the raw key in. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The verified text of a note and the name of the key that signed it. */
    public record Verified(String body, String keyName) {
    }

    /** A note that does not verify under the given key, with the reason. */
    public static final class NoteException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NoteException(String message) {
            super(message);
        }
    }

    /** A parsed verifier key. */
    private record Verifier(String name, byte[] keyId, PublicKey key) {
    }

    private SignedNote() {
    }

    /** The first 4 bytes of SHA-256(name || 0x0A || 0x01 || raw 32-byte key): what names the key on a signature line. */
    public static byte[] keyId(String keyName, PublicKey key) {
        requireKeyName(keyName);
        MessageDigest sha = MerkleHash.sha256();
        sha.update(keyName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        return Arrays.copyOf(sha.digest(rawPublicKey(key)), KEY_ID_LENGTH);
    }

    /** "name+&lt;8 hex keyId&gt;+base64(0x01 || raw key)": the one string a verifier needs. */
    public static String verifierKey(String keyName, PublicKey key) {
        byte[] typed = new byte[1 + RAW_KEY_LENGTH];
        typed[0] = ED25519;
        System.arraycopy(rawPublicKey(key), 0, typed, 1, RAW_KEY_LENGTH);
        return keyName + "+" + HexFormat.of().formatHex(keyId(keyName, key)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The public key of a verifier key, whose key id is checked against its name and key. */
    public static PublicKey publicKey(String verifierKey) {
        return verifier(verifierKey).key();
    }

    /** The 32 bytes of an Ed25519 public key (RFC 8032), without the DER wrapping of {@link PublicKey#getEncoded()}. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(X509_PREFIX, 0, X509_PREFIX.length, encoded, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** body + "\n" + "— " + name + " " + base64(keyId || signature) + "\n". */
    public static String sign(String body, String keyName, PrivateKey key) {
        requireText(body, IllegalArgumentException::new);
        byte[] keyId = keyId(keyName, SealKeys.publicKeyOf(key));
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] line = new byte[KEY_ID_LENGTH + SIGNATURE_LENGTH];
            System.arraycopy(keyId, 0, line, 0, KEY_ID_LENGTH);
            System.arraycopy(ed25519.sign(), 0, line, KEY_ID_LENGTH, SIGNATURE_LENGTH);
            return body + "\n" + SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the given key: " + e.getMessage(), e);
        }
    }

    /**
     * The body if a signature line of that key verifies; else a {@link NoteException} saying why.
     * Signatures by other keys are ignored, as the format intends (a witness adds its own).
     */
    public static Verified verify(String note, String verifierKey) {
        Verifier verifier;
        try {
            verifier = verifier(verifierKey);
        } catch (IllegalArgumentException e) {
            throw new NoteException(e.getMessage());
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException("malformed note: no blank line between the text and the signatures");
        }
        String body = note.substring(0, split + 1);
        requireText(body, NoteException::new);
        String signatures = note.substring(split + 2);
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw new NoteException("malformed note: the signature lines must end with a newline");
        }
        List<String> otherKeys = new ArrayList<>();
        for (String line : signatures.substring(0, signatures.length() - 1).split("\n", -1)) {
            byte[] signature = signatureOf(line, verifier, otherKeys);
            if (signature != null) {
                if (!verifies(body, signature, verifier.key())) {
                    throw new NoteException("the signature of " + verifier.name()
                            + " does not verify: the note was changed after signing");
                }
                return new Verified(body, verifier.name());
            }
        }
        throw new NoteException("no signature of " + verifier.name() + "+" + HexFormat.of().formatHex(verifier.keyId())
                + " on the note; it is signed by " + otherKeys);
    }

    /** The signature bytes of a line when it is the verifier's; else null, noting the line's key. */
    private static byte[] signatureOf(String line, Verifier verifier, List<String> otherKeys) {
        String[] parts = line.startsWith(SIGNATURE_PREFIX) ? line.substring(SIGNATURE_PREFIX.length()).split(" ", -1) : null;
        if (parts == null || parts.length != 2 || parts[0].isEmpty()) {
            throw new NoteException("malformed signature line: '" + line + "'");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed signature line, not base64: '" + line + "'");
        }
        if (decoded.length <= KEY_ID_LENGTH) {
            throw new NoteException("malformed signature line, too short: '" + line + "'");
        }
        byte[] keyId = Arrays.copyOf(decoded, KEY_ID_LENGTH);
        if (parts[0].equals(verifier.name()) && Arrays.equals(keyId, verifier.keyId())) {
            return Arrays.copyOfRange(decoded, KEY_ID_LENGTH, decoded.length);
        }
        otherKeys.add(parts[0] + "+" + HexFormat.of().formatHex(keyId));
        return null;
    }

    private static boolean verifies(String body, byte[] signature, PublicKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(body.getBytes(StandardCharsets.UTF_8));
            return signature.length == SIGNATURE_LENGTH && ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Verifier verifier(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("malformed verifier key (name+8 hex digits+base64 key): '" + verifierKey + "'");
        }
        requireKeyName(parts[0]);
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed verifier key, the key is not base64: '" + verifierKey + "'", e);
        }
        if (typed.length != 1 + RAW_KEY_LENGTH || typed[0] != ED25519) {
            throw new IllegalArgumentException("verifier key '" + parts[0] + "' is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        PublicKey key = ed25519PublicKey(Arrays.copyOfRange(typed, 1, typed.length));
        byte[] keyId = HexFormat.of().parseHex(parts[1]);
        if (!Arrays.equals(keyId, keyId(parts[0], key))) {
            throw new IllegalArgumentException("verifier key '" + parts[0] + "': the key id " + parts[1]
                    + " does not match the name and key");
        }
        return new Verifier(parts[0], keyId, key);
    }

    private static PublicKey ed25519PublicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK provides no Ed25519 (JDK 15+ does)", e);
        }
    }

    /** Key names: not empty, no '+' (it separates a verifier key's fields), no space or control character. */
    private static void requireKeyName(String name) {
        if (name == null || name.isEmpty() || name.contains("+")
                || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20)) {
            throw new IllegalArgumentException("not a valid key name (not empty, no '+', no space): '" + name + "'");
        }
    }

    /** A note's text ends with a newline and holds no control character but newlines. */
    private static <E extends RuntimeException> void requireText(String text, Function<String, E> refusal) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw refusal.apply("the note text must end with a newline");
        }
        if (text.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f)) {
            throw refusal.apply("the note text must not contain a control character other than newline");
        }
    }
}
