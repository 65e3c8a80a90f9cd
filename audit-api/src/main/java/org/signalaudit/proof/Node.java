package org.signalaudit.proof;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A perfect subtree with its hash (what the sealer stores). Equality compares the hash's bytes,
 * not the array's identity, so that two reads of the same node are equal.
 */
public record Node(NodeId id, byte[] hash) {

    public Node {
        Objects.requireNonNull(id, "id");
        if (hash == null || hash.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("the hash of " + id + " must have " + MerkleHash.LENGTH + " bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Node that && id.equals(that.id) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return id + " " + HexFormat.of().formatHex(hash);
    }
}
