package org.signalaudit.proof;

/**
 * A perfect subtree: level 0 is a leaf; (level L, index i) covers leaves [i*2^L, (i+1)*2^L).
 * Its hash never changes once its last leaf is appended, which is why the sealer can store it
 * once and every later root or proof can reuse it.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("node level out of range 0..62: " + level);
        }
        if (index < 0 || index >= (Long.MAX_VALUE >> level)) {
            throw new IllegalArgumentException("node index out of range at level " + level + ": " + index);
        }
    }

    /** The first leaf this subtree covers. */
    public long start() {
        return index << level;
    }

    /** One past the last leaf this subtree covers. */
    public long end() {
        return (index + 1) << level;
    }

    @Override
    public String toString() {
        return "node(level " + level + ", index " + index + ", leaves [" + start() + ", " + end() + "))";
    }
}
