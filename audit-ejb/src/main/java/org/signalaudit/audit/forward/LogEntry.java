package org.signalaudit.audit.forward;

import java.util.List;

import org.signalaudit.audit.seal.TreeStore;

/**
 * One message of the copy: a sealed row or a signed checkpoint, each at its place in the tree. A
 * checkpoint of size n comes right after leaf n - 1, the last leaf it covers, and before leaf n.
 */
sealed interface LogEntry {

    /** The entry's place in tree order: leaf i at 2i + 1, the checkpoint of size n at 2n. */
    long position();

    /**
     * A sealed row: its leaf and the row's values as {@code AuditTable} lists them, read now
     * ({@code values} null: the row is gone, which only tampering does).
     */
    record Row(TreeStore.Leaf leaf, List<Object> values) implements LogEntry {

        @Override
        public long position() {
            return 2 * leaf.index() + 1;
        }
    }

    /** A signed checkpoint. */
    record Checkpoint(TreeStore.StoredCheckpoint checkpoint) implements LogEntry {

        @Override
        public long position() {
            return 2 * checkpoint.treeSize();
        }
    }
}
