package org.signalaudit.audit.seal;

import java.util.List;

import org.signalaudit.audit.entity.AuditTable;

/** A committed audit row on its way into the tree: which row it is and the values its leaf hashes. */
public record PendingRow(AuditTable table, long id, List<Object> values) {

    public byte[] leafData() {
        return LeafData.of(table, id, values);
    }
}
