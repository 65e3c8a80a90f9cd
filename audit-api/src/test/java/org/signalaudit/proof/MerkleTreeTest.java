package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The production tree against {@link ReferenceTree}: equal roots and proofs at every size up to 70
 * and at sampled indices of a few large sizes around a power of two, computed from no more nodes
 * than the production code says it needs; verification accepts them and refuses every mutation.
 */
class MerkleTreeTest {

    private static final int LARGEST = 1025;
    private static final int[] LARGE_SIZES = {1000, 1023, 1024, 1025};
    private static final HexFormat HEX = HexFormat.of();

    private final ReferenceTree reference = new ReferenceTree(LARGEST);
    private final Map<NodeId, byte[]> stored = reference.perfectNodes(LARGEST);
    private final Random random = new Random(12);

    @Test
    void hashesAreTheRfcsPrefixedSha256() {
        assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(MerkleHash.leaf(reference.entry(7))).isEqualTo(reference.leafHash(7));
        assertThat(MerkleHash.node(reference.leafHash(0), reference.leafHash(1))).isEqualTo(reference.mth(0, 2));
    }

    /** The roots of the 8-entry test tree of the Certificate Transparency implementations, at every size. */
    @Test
    void rootsOfTheCertificateTransparencyTestTree() {
        List<byte[]> entries = LongStream.range(0, 8).mapToObj(i -> HEX.parseHex(List.of("", "00", "10", "2021",
                "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f").get((int) i))).toList();
        ReferenceTree ct = new ReferenceTree(entries);
        List<String> roots = List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        for (int n = 1; n <= 8; n++) {
            assertThat(HEX.formatHex(ct.mth(0, n))).as("reference root of size %d", n).isEqualTo(roots.get(n - 1));
            assertThat(HEX.formatHex(MerkleTree.root(n, only(MerkleTree.rootNodes(n), ct.perfectNodes(8), n))))
                    .as("root of size %d", n).isEqualTo(roots.get(n - 1));
        }
    }

    @Test
    void rootsEqualTheReferenceAtEverySize() {
        assertThat(MerkleTree.root(0, Map.of())).isEqualTo(MerkleHash.emptyRoot());
        for (int n : sizes()) {
            assertThat(MerkleTree.root(n, only(MerkleTree.rootNodes(n), stored, n)))
                    .as("root of size %d", n).isEqualTo(reference.mth(0, n));
        }
    }

    @Test
    void rangesAreTheRunsOfPerfectSubtreesOfTheRecursion() {
        assertThat(MerkleTree.rootNodes(0)).isEmpty();
        assertThat(MerkleTree.rootNodes(13))
                .containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
        assertThat(MerkleTree.rangeNodes(8, 15))
                .containsExactly(new NodeId(2, 2), new NodeId(1, 6), new NodeId(0, 14));
        assertThat(MerkleTree.rangeNodes(12, 15)).containsExactly(new NodeId(1, 6), new NodeId(0, 14));
        assertThatThrownBy(() -> MerkleTree.rangeNodes(4, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 8");
        assertThatThrownBy(() -> MerkleTree.rangeNodes(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsOfHugeTreesNeedLogarithmicallyManyNodes() {
        long n = (1L << 40) + 12345;
        assertThat(MerkleTree.rootNodes(n)).hasSize(Long.bitCount(n));
        assertThat(MerkleTree.inclusionNodes(n - 1, n).size()).isLessThanOrEqualTo(2 * 41);
        assertThat(MerkleTree.inclusionNodes(7, n).size()).isLessThanOrEqualTo(2 * 41);
        assertThat(MerkleTree.consistencyNodes(n - 1000, n).size()).isLessThanOrEqualTo(2 * 41);
        assertThat(MerkleTree.consistencyNodes(3, n).size()).isLessThanOrEqualTo(2 * 41);
    }

    @Test
    void missingNodesAreNamed() {
        Map<NodeId, byte[]> partial = new HashMap<>(only(MerkleTree.rootNodes(13), stored, 13));
        partial.remove(new NodeId(2, 2));
        assertThatThrownBy(() -> MerkleTree.root(13, partial)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level 2, index 2");
        assertThatThrownBy(() -> MerkleTree.inclusionProof(13, 13, stored)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(14, 13, stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inclusionProofsEqualTheReferenceAndVerify() {
        for (int n : sizes()) {
            byte[] root = reference.mth(0, n);
            for (int m : indices(n)) {
                List<byte[]> proof = MerkleTree.inclusionProof(m, n, only(MerkleTree.inclusionNodes(m, n), stored, n));
                assertThat(proof).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(reference.path(m, n));
                assertThat(MerkleTree.verifyInclusion(m, n, reference.leafHash(m), proof, root))
                        .as("inclusion of %d in %d", m, n).isTrue();
                assertRefusedInclusion(m, n, proof, root);
            }
        }
    }

    @Test
    void consistencyProofsEqualTheReferenceAndVerify() {
        for (int n : sizes()) {
            byte[] root = reference.mth(0, n);
            for (int m : n > 70 ? indices(n).stream().filter(i -> i > 0).toList() : rangeClosed(1, n)) {
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, only(MerkleTree.consistencyNodes(m, n), stored, n));
                assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(reference.proof(m, n));
                assertThat(MerkleTree.verifyConsistency(m, n, reference.mth(0, m), root, proof))
                        .as("consistency of %d with %d", m, n).isTrue();
                assertRefusedConsistency(m, n, proof);
            }
        }
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTree() {
        assertThat(MerkleTree.consistencyProof(0, 9, stored)).isEmpty();
        assertThat(MerkleTree.verifyConsistency(0, 9, MerkleHash.emptyRoot(), reference.mth(0, 9), List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 9, reference.mth(0, 1), reference.mth(0, 9), List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 9, MerkleHash.emptyRoot(), reference.mth(0, 9),
                List.of(reference.leafHash(0)))).isFalse();
    }

    private void assertRefusedInclusion(int m, int n, List<byte[]> proof, byte[] root) {
        byte[] leaf = reference.leafHash(m);
        for (List<byte[]> mutated : mutations(proof)) {
            assertThat(MerkleTree.verifyInclusion(m, n, leaf, mutated, root)).as("mutated PATH(%d, D[%d])", m, n).isFalse();
        }
        assertThat(MerkleTree.verifyInclusion(m, n, flip(leaf), proof, root)).as("other leaf").isFalse();
        assertThat(MerkleTree.verifyInclusion(m, n, leaf, proof, flip(root))).as("other root").isFalse();
        for (int other : List.of(m - 1, m + 1, n - 1 - m)) {
            if (other != m) {
                assertThat(MerkleTree.verifyInclusion(other, n, leaf, proof, root)).as("index %d for %d", other, m).isFalse();
            }
        }
        for (int size : List.of(n - 1, n + 1, 2 * n)) {
            if (size > m && size <= LARGEST) {
                assertThat(MerkleTree.verifyInclusion(m, size, leaf, proof, reference.mth(0, size)))
                        .as("PATH(%d, D[%d]) as of size %d", m, n, size).isFalse();
            }
        }
    }

    private void assertRefusedConsistency(int m, int n, List<byte[]> proof) {
        byte[] fromRoot = reference.mth(0, m);
        byte[] toRoot = reference.mth(0, n);
        for (List<byte[]> mutated : mutations(proof)) {
            assertThat(MerkleTree.verifyConsistency(m, n, fromRoot, toRoot, mutated)).as("mutated PROOF(%d, D[%d])", m, n)
                    .isFalse();
        }
        assertThat(MerkleTree.verifyConsistency(m, n, flip(fromRoot), toRoot, proof)).as("other old root").isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, fromRoot, flip(toRoot), proof)).as("other new root").isFalse();
        for (int from : List.of(m - 1, m + 1)) {
            if (from > 0 && from <= n) {
                assertThat(MerkleTree.verifyConsistency(from, n, reference.mth(0, from), toRoot, proof))
                        .as("PROOF(%d, D[%d]) as from %d", m, n, from).isFalse();
            }
        }
        for (int to : List.of(n - 1, n + 1)) {
            if (to >= m && to != n && to <= LARGEST) {
                assertThat(MerkleTree.verifyConsistency(m, to, fromRoot, reference.mth(0, to), proof))
                        .as("PROOF(%d, D[%d]) as to %d", m, n, to).isFalse();
            }
        }
    }

    /** Each element with one bit flipped, each element dropped, one element added in front and at the end. */
    private List<List<byte[]>> mutations(List<byte[]> proof) {
        List<List<byte[]>> mutations = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            flipped.set(i, flip(proof.get(i)));
            mutations.add(flipped);
            List<byte[]> dropped = new ArrayList<>(proof);
            dropped.remove(i);
            mutations.add(dropped);
        }
        byte[] extra = proof.isEmpty() ? reference.leafHash(0) : proof.get(0);
        List<byte[]> prepended = new ArrayList<>(proof);
        prepended.add(0, extra);
        mutations.add(prepended);
        List<byte[]> appended = new ArrayList<>(proof);
        appended.add(extra);
        mutations.add(appended);
        return mutations;
    }

    /** A copy with one randomly chosen bit flipped. */
    private byte[] flip(byte[] hash) {
        byte[] flipped = hash.clone();
        int bit = random.nextInt(flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        return flipped;
    }

    /** Only the nodes asked for, each of which must be a perfect subtree of a tree of size n. */
    private static Map<NodeId, byte[]> only(Collection<NodeId> ids, Map<NodeId, byte[]> all, long n) {
        Map<NodeId, byte[]> subset = new HashMap<>();
        for (NodeId id : ids) {
            assertThat(id.end()).as("%s is a perfect subtree of a tree of size %d", id, n).isLessThanOrEqualTo(n);
            subset.put(id, all.get(id));
        }
        return subset;
    }

    private static List<Integer> sizes() {
        List<Integer> sizes = rangeClosed(1, 70);
        for (int n : LARGE_SIZES) {
            sizes.add(n);
        }
        return sizes;
    }

    /** Every index up to size 70; beyond, the edges, the middle, around the powers of two, and a few at random. */
    private List<Integer> indices(int n) {
        if (n <= 70) {
            return rangeClosed(0, n - 1);
        }
        List<Integer> indices = new ArrayList<>(List.of(0, 1, n / 2, n - 2, n - 1, 511, 512, 513));
        for (int i = 0; i < 8; i++) {
            indices.add(random.nextInt(n));
        }
        return indices.stream().filter(i -> i < n).distinct().toList();
    }

    private static List<Integer> rangeClosed(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
