package org.signalaudit.audit.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.seal.LeafData;
import org.signalaudit.audit.seal.TreeStore;
import org.signalaudit.proof.MerkleTree;
import org.signalaudit.proof.NodeId;

/**
 * Reads what a pack says of a batch of rows of one table: each row's leaf data, encoded from the
 * row as it is now exactly as the sealer encoded it, and, for the rows the checkpoint's tree holds,
 * the leaf index and the inclusion proof against that tree. One query for the rows and their
 * leaves, one for every node the batch's proofs need.
 */
final class SealedRows {

    /** A row of the pack: sealed in the tree (with its proof), or not (yet). */
    record Row(long id, byte[] leafData, Long leafIndex, List<byte[]> auditPath) {

        boolean sealed() {
            return leafIndex != null;
        }
    }

    private final AuditTable table;
    private final long treeSize;
    private final String select;

    SealedRows(AuditTable table, long treeSize) {
        this.table = table;
        this.treeSize = treeSize;
        this.select = "SELECT t.id AS evidence_row_id, l.leaf_index, "
                + table.columns().stream().map(column -> "t." + column.name()).collect(Collectors.joining(", "))
                + " FROM " + table.tableName() + " t LEFT JOIN audit_leaf l ON l.table_code = ? AND l.row_id = t.id"
                + " WHERE t.id IN (";
    }

    /** The rows of these ids, in the order of the ids; an id whose row is gone is left out. */
    List<Row> read(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, Row> rows = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(select
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            statement.setString(1, table.code());
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 2, ids.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong("evidence_row_id");
                    long leafIndex = result.getLong("leaf_index");
                    Long sealed = result.wasNull() || leafIndex >= treeSize ? null : leafIndex;
                    rows.put(id, new Row(id, LeafData.of(table, id, table.valuesOf(result)), sealed, List.of()));
                }
            }
        }
        Set<NodeId> needed = new LinkedHashSet<>();
        rows.values().stream().filter(Row::sealed)
                .forEach(row -> needed.addAll(MerkleTree.inclusionNodes(row.leafIndex(), treeSize)));
        Map<NodeId, byte[]> nodes = TreeStore.nodes(connection, needed);
        List<Row> ordered = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Row row = rows.get(id);
            if (row != null) {
                ordered.add(row.sealed() ? new Row(id, row.leafData(), row.leafIndex(),
                        MerkleTree.inclusionProof(row.leafIndex(), treeSize, nodes)) : row);
            }
        }
        return ordered;
    }
}
