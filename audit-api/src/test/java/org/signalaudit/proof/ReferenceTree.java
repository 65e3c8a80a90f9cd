package org.signalaudit.proof;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 written down as literally as the RFC states it, to judge the production code by:
 * MTH, PATH and PROOF recursive over the leaves, split at the largest power of two smaller than n,
 * with its own hashing (no production class). Slow on purpose: O(n) per hash of a range.
 */
final class ReferenceTree {

    private final List<byte[]> entries = new ArrayList<>();

    /** A tree of {@code size} distinct entries "entry 0", "entry 1", ... */
    ReferenceTree(int size) {
        for (int i = 0; i < size; i++) {
            entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    ReferenceTree(List<byte[]> entries) {
        this.entries.addAll(entries);
    }

    byte[] entry(int index) {
        return entries.get(index).clone();
    }

    /** HASH(0x00 || d(i)). */
    byte[] leafHash(int index) {
        return sha256(new byte[] {0x00}, entries.get(index));
    }

    /** MTH(D[from:to]); the hash of the empty string for an empty range. */
    byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHash(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(new byte[] {0x01}, mth(from, from + k), mth(from + k, to));
    }

    /** PATH(m, D[n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> path = new ArrayList<>();
        if (n > 1) {
            int k = largestPowerOfTwoBelow(n);
            if (m < k) {
                path.addAll(path(m, from, from + k));
                path.add(mth(from + k, to));
            } else {
                path.addAll(path(m - k, from + k, to));
                path.add(mth(from, from + k));
            }
        }
        return path;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean b) {
        int n = to - from;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(from, to));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, from, from + k, b));
            proof.add(mth(from + k, to));
        } else {
            proof.addAll(subproof(m - k, from + k, to, false));
            proof.add(mth(from, from + k));
        }
        return proof;
    }

    /** Every perfect subtree of the first {@code n} leaves, as a sealer would have stored them. */
    Map<NodeId, byte[]> perfectNodes(int n) {
        Map<NodeId, byte[]> nodes = new HashMap<>();
        for (int level = 0; (1 << level) <= n; level++) {
            for (int index = 0; (index + 1) << level <= n; index++) {
                nodes.put(new NodeId(level, index), mth(index << level, (index + 1) << level));
            }
        }
        return nodes;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
