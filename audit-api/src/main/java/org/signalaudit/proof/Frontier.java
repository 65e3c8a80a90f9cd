package org.signalaudit.proof;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The right edge of a tree of size n (the hashes of rootNodes(n)): what a sealer keeps in memory to
 * append leaves and compute the root in O(log n), and all it needs to resume after a restart.
 *
 * <p>Appending works like a binary counter: the new leaf merges with every perfect subtree of its
 * own size at the edge, exactly as the carry of n + 1 clears the low one-bits of n. Not thread-safe:
 * one sealer owns it while it holds the seal lock.
 */
public final class Frontier {

    /** rootNodes(size) with their hashes, the largest (leftmost) at the bottom. */
    private final Deque<Node> edge;
    private long size;

    private Frontier(long size, Deque<Node> edge) {
        this.size = size;
        this.edge = edge;
    }

    /** The frontier of the tree with no leaf. */
    public static Frontier empty() {
        return new Frontier(0, new ArrayDeque<>());
    }

    /** Resumes a tree from the hashes of rootNodes(size), left to right (as {@link #nodes()} gave them). */
    public static Frontier of(long size, List<byte[]> rootNodeHashes) {
        List<NodeId> ids = MerkleTree.rootNodes(size);
        if (rootNodeHashes.size() != ids.size()) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + ids.size()
                    + " root nodes, not " + rootNodeHashes.size());
        }
        Deque<Node> edge = new ArrayDeque<>();
        for (int i = 0; i < ids.size(); i++) {
            edge.addLast(new Node(ids.get(i), rootNodeHashes.get(i)));
        }
        return new Frontier(size, edge);
    }

    /**
     * Appends one leaf; returns every perfect node completed by this leaf, the leaf itself
     * (level 0) first, then upward: exactly the nodes the sealer must store.
     */
    public List<Node> append(byte[] leafHash) {
        Node completed = new Node(new NodeId(0, size), leafHash);
        List<Node> stored = new ArrayList<>();
        stored.add(completed);
        while (!edge.isEmpty() && edge.peekLast().id().level() == completed.id().level()) {
            Node left = edge.removeLast();
            NodeId parent = new NodeId(left.id().level() + 1, left.id().index() >> 1);
            completed = new Node(parent, MerkleHash.node(left.hash(), completed.hash()));
            stored.add(completed);
        }
        edge.addLast(completed);
        size++;
        return stored;
    }

    public long size() {
        return size;
    }

    /** The root of the tree: the right fold of the edge; {@link MerkleHash#emptyRoot()} when empty. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        Iterator<Node> rightToLeft = edge.descendingIterator();
        byte[] folded = rightToLeft.next().hash();
        while (rightToLeft.hasNext()) {
            folded = MerkleHash.node(rightToLeft.next().hash(), folded);
        }
        return folded;
    }

    /** The current rootNodes(size) with hashes, left to right. */
    public List<Node> nodes() {
        return List.copyOf(edge);
    }
}
