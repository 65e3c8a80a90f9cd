package org.signalaudit.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree computations of RFC 9162 §2.1 over STORED PERFECT SUBTREES: every function that
 * produces a value first says which perfect nodes it needs (pure, so the caller can fetch them in
 * one SQL query), then computes from a map of them. With all perfect subtrees stored, a root, an
 * inclusion proof or a consistency proof needs O(log n) nodes.
 *
 * <p>The RFC defines PATH and PROOF recursively, splitting a range at the largest power of two
 * smaller than its size. Each element they emit is the MTH of one range of that recursion; such a
 * range is a run of perfect subtrees of decreasing size (its size's binary digits), and its MTH is
 * their right fold {@code node(p1, node(p2, ...))}. So the recursion is walked once to list the
 * ranges, and each range is computed from stored perfect nodes instead of from its leaves.
 */
public final class MerkleTree {

    /** A range [start, end) of leaves that RFC 9162's recursion hashes as one subtree. */
    private record Range(long start, long end) {
    }

    private MerkleTree() {
    }

    /**
     * The perfect subtrees that make up [start, end), left to right. The start must be aligned as
     * RFC 9162's recursion produces it (a multiple of the smallest power of two not below the
     * size): only then is the right fold of these subtrees the RFC's MTH of the range, so any
     * other range is refused rather than given a hash no verifier would reproduce.
     */
    public static List<NodeId> rangeNodes(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a range of leaves: [" + start + ", " + end + ")");
        }
        if (start == end) {
            return List.of();
        }
        long size = end - start;
        long span = Long.highestOneBit(size) == size ? size : Long.highestOneBit(size) << 1;
        if ((start & (span - 1)) != 0) {
            throw new IllegalArgumentException("[" + start + ", " + end
                    + ") is not a subtree of RFC 9162's recursion: its start must be a multiple of " + span);
        }
        List<NodeId> nodes = new ArrayList<>(Long.bitCount(size));
        for (long at = start; at < end; ) {
            int level = 63 - Long.numberOfLeadingZeros(end - at);
            nodes.add(new NodeId(level, at >> level));
            at += 1L << level;
        }
        return nodes;
    }

    /** The perfect subtrees whose right fold is the root of a tree of this size. */
    public static List<NodeId> rootNodes(long treeSize) {
        return rangeNodes(0, treeSize);
    }

    /** MTH(D[n]); {@link MerkleHash#emptyRoot()} for 0. */
    public static byte[] root(long treeSize, Map<NodeId, byte[]> nodes) {
        return treeSize == 0 ? MerkleHash.emptyRoot() : hash(new Range(0, treeSize), nodes);
    }

    /** The perfect nodes {@link #inclusionProof} reads. */
    public static Set<NodeId> inclusionNodes(long leafIndex, long treeSize) {
        return nodesOf(inclusionRanges(leafIndex, treeSize));
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[n]), in its order (the leaf's sibling first, the root's child last). */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, Map<NodeId, byte[]> nodes) {
        return hashes(inclusionRanges(leafIndex, treeSize), nodes);
    }

    /** The perfect nodes {@link #consistencyProof} reads. */
    public static Set<NodeId> consistencyNodes(long from, long to) {
        return nodesOf(consistencyRanges(from, to));
    }

    /**
     * RFC 9162 §2.1.4.1 PROOF(m, D[n]) for 0 &lt; from &lt;= to; empty when from == to, and
     * empty from the empty tree (from == 0), which every tree extends.
     */
    public static List<byte[]> consistencyProof(long from, long to, Map<NodeId, byte[]> nodes) {
        return hashes(consistencyRanges(from, to), nodes);
    }

    /** RFC 9162 §2.1.3.2: false for any proof, index or size that does not lead to this root. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        Walk walk = new Walk(leafIndex, treeSize - 1);
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (walk.atRoot() || !isHash(p)) {
                return false;
            }
            r = walk.siblingOnTheLeft() ? MerkleHash.node(p, r) : MerkleHash.node(r, p);
            walk.up();
        }
        return walk.atRoot() && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2. Beyond the RFC's 0 &lt; from &lt; to: from == to holds with an empty
     * proof and equal roots, and from == 0 with an empty proof and the empty root.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || to < from || !isHash(fromRoot) || !isHash(toRoot)) {
            return false;
        }
        if (from == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, MerkleHash.emptyRoot());
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (proof.isEmpty() || !proof.stream().allMatch(MerkleTree::isHash)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(from) == 1) {
            path.add(fromRoot);
        }
        path.addAll(proof);
        Walk walk = new Walk(from - 1, to - 1);
        walk.upWhileRightChild();
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (walk.atRoot()) {
                return false;
            }
            if (walk.siblingOnTheLeft()) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
            } else {
                sr = MerkleHash.node(sr, c);
            }
            walk.up();
        }
        return walk.atRoot() && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    /** PATH(m, D[n]) as ranges: the recursion walked from the root down, then reversed into the RFC's order. */
    private static List<Range> inclusionRanges(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("no leaf " + leafIndex + " in a tree of size " + treeSize);
        }
        List<Range> ranges = new ArrayList<>();
        long lo = 0;
        long hi = treeSize;
        while (hi - lo > 1) {
            long k = split(hi - lo);
            if (leafIndex < lo + k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo += k;
            }
        }
        Collections.reverse(ranges);
        return ranges;
    }

    /**
     * PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges. {@code whole} is the RFC's b: true while
     * the walk has only gone left, i.e. while the old tree is still a prefix of the subtree, so
     * that reaching it needs no element (the verifier already holds the old root).
     */
    private static List<Range> consistencyRanges(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<Range> ranges = new ArrayList<>();
        if (from == 0) {
            return ranges;
        }
        long lo = 0;
        long hi = to;
        boolean whole = true;
        while (from != hi) {
            long k = split(hi - lo);
            if (from <= lo + k) {
                ranges.add(new Range(lo + k, hi));
                hi = lo + k;
            } else {
                ranges.add(new Range(lo, lo + k));
                lo += k;
                whole = false;
            }
        }
        if (!whole) {
            ranges.add(new Range(lo, hi));
        }
        Collections.reverse(ranges);
        return ranges;
    }

    /**
     * The climb of RFC 9162's verification algorithms: fn is the index of the current node at its
     * level and sn the index of the last node of that level, both shifted right by one per level.
     */
    private static final class Walk {

        private long fn;
        private long sn;

        Walk(long fn, long sn) {
            this.fn = fn;
            this.sn = sn;
        }

        boolean atRoot() {
            return sn == 0;
        }

        /**
         * Whether the next path element is hashed in from the left: the node is a right child, or
         * the last node of its level. Such a last node that is a left child has no sibling on
         * the levels where it stands alone; the walk climbs over them (the RFC's step b.ii).
         */
        boolean siblingOnTheLeft() {
            if ((fn & 1) == 1 || fn == sn) {
                while (fn != 0 && (fn & 1) == 0) {
                    up();
                }
                return true;
            }
            return false;
        }

        /** Climbs while the node is a right child: the RFC's step 4 of the consistency check. */
        void upWhileRightChild() {
            while ((fn & 1) == 1) {
                up();
            }
        }

        void up() {
            fn >>= 1;
            sn >>= 1;
        }
    }

    /** The largest power of two smaller than n (n &gt; 1): where RFC 9162 splits a tree of n leaves. */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static Set<NodeId> nodesOf(List<Range> ranges) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(rangeNodes(range.start(), range.end())));
        return nodes;
    }

    private static List<byte[]> hashes(List<Range> ranges, Map<NodeId, byte[]> nodes) {
        List<byte[]> hashes = new ArrayList<>(ranges.size());
        ranges.forEach(range -> hashes.add(hash(range, nodes)));
        return hashes;
    }

    /** MTH of a range: the right fold of its perfect subtrees. */
    private static byte[] hash(Range range, Map<NodeId, byte[]> nodes) {
        List<NodeId> parts = rangeNodes(range.start(), range.end());
        byte[] folded = stored(parts.get(parts.size() - 1), nodes);
        for (int i = parts.size() - 2; i >= 0; i--) {
            folded = MerkleHash.node(stored(parts.get(i), nodes), folded);
        }
        return folded;
    }

    private static byte[] stored(NodeId id, Map<NodeId, byte[]> nodes) {
        byte[] hash = nodes.get(id);
        if (hash == null) {
            throw new IllegalArgumentException("missing " + id);
        }
        if (hash.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("the stored hash of " + id + " has " + hash.length + " bytes");
        }
        return hash;
    }

    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHash.LENGTH;
    }
}
