package org.signalaudit.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sealer's frontier against {@link ReferenceTree}: roots, the nodes to store, and resuming. */
class FrontierTest {

    private static final int SIZE = 300;

    private final ReferenceTree reference = new ReferenceTree(SIZE);
    private final Map<NodeId, byte[]> perfect = reference.perfectNodes(SIZE);

    @Test
    void theEmptyFrontierHasTheEmptyRoot() {
        Frontier frontier = Frontier.empty();
        assertThat(frontier.size()).isZero();
        assertThat(frontier.root()).isEqualTo(MerkleHash.emptyRoot());
        assertThat(frontier.nodes()).isEmpty();
    }

    @Test
    void appendingGivesTheReferenceRootAndExactlyTheCompletedSubtreesAtEverySize() {
        Frontier frontier = Frontier.empty();
        for (int n = 1; n <= SIZE; n++) {
            List<Node> completed = frontier.append(reference.leafHash(n - 1));
            assertThat(frontier.size()).isEqualTo(n);
            assertThat(frontier.root()).as("root of size %d", n).isEqualTo(reference.mth(0, n));
            assertThat(completed).as("nodes completed by leaf %d", n - 1).containsExactlyElementsOf(completedBy(n));
            assertThat(frontier.nodes()).as("edge of size %d", n).containsExactlyElementsOf(withHashes(MerkleTree.rootNodes(n)));
        }
    }

    @Test
    void aFrontierResumesFromItsEdge() {
        for (int resumeAt : List.of(0, 1, 6, 7, 8, 64, 100)) {
            Frontier before = Frontier.empty();
            for (int i = 0; i < resumeAt; i++) {
                before.append(reference.leafHash(i));
            }
            Frontier resumed = Frontier.of(resumeAt, before.nodes().stream().map(Node::hash).toList());
            assertThat(resumed.root()).isEqualTo(reference.mth(0, resumeAt));
            for (int n = resumeAt + 1; n <= resumeAt + 40; n++) {
                assertThat(resumed.append(reference.leafHash(n - 1))).containsExactlyElementsOf(completedBy(n));
                assertThat(resumed.root()).as("root of size %d resumed at %d", n, resumeAt).isEqualTo(reference.mth(0, n));
            }
        }
    }

    @Test
    void resumingNeedsOneHashPerRootNode() {
        List<byte[]> three = List.of(reference.mth(0, 8), reference.mth(8, 12), reference.leafHash(12));
        assertThat(Frontier.of(13, three).root()).isEqualTo(reference.mth(0, 13));
        assertThatThrownBy(() -> Frontier.of(13, three.subList(0, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 root nodes, not 2");
        assertThatThrownBy(() -> Frontier.of(12, three)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frontier.of(1, List.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    /** The perfect subtrees whose last leaf is leaf n - 1, smallest first, with the reference's hashes. */
    private List<Node> completedBy(long n) {
        List<NodeId> ids = new ArrayList<>();
        for (int level = 0; n % (1L << level) == 0; level++) {
            ids.add(new NodeId(level, (n >> level) - 1));
        }
        return withHashes(ids);
    }

    private List<Node> withHashes(List<NodeId> ids) {
        return ids.stream().map(id -> new Node(id, perfect.get(id))).toList();
    }
}
