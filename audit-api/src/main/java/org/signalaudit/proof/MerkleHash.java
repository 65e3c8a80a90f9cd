package org.signalaudit.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing. The one-byte prefixes keep a leaf from ever being taken for an inner
 * node (the second-preimage attack on unprefixed Merkle trees).
 */
public final class MerkleHash {

    /** The length in bytes of every hash of the tree (SHA-256). */
    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** SHA-256(0x00 || data): the hash of one leaf. */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        return sha.digest(data);
    }

    /** SHA-256(0x01 || left || right): the hash of an inner node. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        return sha.digest(right);
    }

    /** SHA-256 of the empty string: the root of the tree with no leaf. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
