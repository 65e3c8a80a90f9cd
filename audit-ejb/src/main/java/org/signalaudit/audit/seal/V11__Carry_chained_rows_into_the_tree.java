package org.signalaudit.audit.seal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.proof.Frontier;
import org.signalaudit.proof.MerkleHash;
import org.signalaudit.proof.Node;

/**
 * Carries the rows of the hash-chained schema into the Merkle tree, table by table in
 * {@link AuditTable}'s order, each table in its chain order, with the leaf hashes the sealer uses,
 * so an existing deployment keeps verifying. The first seal after the upgrade signs the tree they
 * make. Verify the old chains (GET /api/audit/verify of the previous version) before upgrading:
 * from here on the tree proves the rows as they were carried. Java, not SQL: the leaf encoding is
 * the application's, and one implementation of it is enough.
 */
public class V11__Carry_chained_rows_into_the_tree extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V11__Carry_chained_rows_into_the_tree.class.getName());

    private static final int BATCH = 5000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Frontier tree = Frontier.empty();
        for (AuditTable table : AuditTable.values()) {
            carry(connection, table, tree);
        }
        long carried = tree.size();
        LOG.info(() -> "Carried " + carried + " chained audit rows into the sealed log's tree");
    }

    private static void carry(Connection connection, AuditTable table, Frontier tree) throws SQLException {
        List<TreeStore.Leaf> leaves = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + table.columnList() + " FROM "
                + table.tableName() + " ORDER BY chain_seq, id")) {
            select.setFetchSize(BATCH);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong("id");
                    byte[] leafHash = MerkleHash.leaf(LeafData.of(table, id, table.valuesOf(result)));
                    leaves.add(new TreeStore.Leaf(tree.size(), table, id, leafHash));
                    nodes.addAll(tree.append(leafHash));
                    if (leaves.size() == BATCH) {
                        TreeStore.append(connection, leaves, nodes);
                        leaves.clear();
                        nodes.clear();
                    }
                }
            }
        }
        TreeStore.append(connection, leaves, nodes);
    }
}
