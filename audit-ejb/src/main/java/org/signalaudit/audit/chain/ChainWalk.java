package org.signalaudit.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.signalaudit.audit.ChainBreak;
import org.signalaudit.audit.ChainState;

/**
 * Walks one table's chain in position order, from the first row to the head the writers recorded,
 * recomputing every hash, and stops at the first row that breaks it:
 * <ul>
 * <li>a position beyond the head, a position taken twice, or a row that does not link to the row
 * before it: INSERTED (the application did not link it there);</li>
 * <li>a gap in the positions: DELETED;</li>
 * <li>a row whose content no longer gives its hash: EDITED;</li>
 * <li>a chain that ends before the head: TRUNCATED.</li>
 * </ul>
 * The caller gives a connection in a snapshot transaction, so rows committed during the walk are
 * neither half seen nor mistaken for insertions.
 */
public final class ChainWalk {

    private static final int FETCH = 1000;

    private final ChainedTable table;
    private long expected = 1;
    private String previous = RowDigest.GENESIS;
    private long rows;
    private ChainBreak firstBreak;

    private ChainWalk(ChainedTable table) {
        this.table = table;
    }

    public static ChainState walk(Connection connection, ChainedTable table) throws SQLException {
        ChainLink head = ChainHeads.read(connection, table);
        ChainWalk walk = new ChainWalk(table);
        try (PreparedStatement select = connection.prepareStatement("SELECT id, chain_seq, prev_hash, row_hash, "
                + table.columnList() + " FROM " + table.tableName() + " ORDER BY chain_seq")) {
            select.setFetchSize(FETCH);
            try (ResultSet result = select.executeQuery()) {
                while (walk.firstBreak == null && result.next()) {
                    walk.step(result, head);
                }
            }
        }
        if (walk.firstBreak == null && walk.expected - 1 < head.seq()) {
            walk.firstBreak = new ChainBreak(walk.expected, null, ChainBreak.Kind.TRUNCATED, "the chain ends at position "
                    + (walk.expected - 1) + " but its head is at " + head.seq() + ": the last rows are gone");
        }
        return new ChainState(table.tableName(), walk.firstBreak == null, walk.rows, head.seq(), head.rowHash(),
                walk.firstBreak);
    }

    private void step(ResultSet row, ChainLink head) throws SQLException {
        long id = row.getLong("id");
        long seq = row.getLong("chain_seq");
        String prevHash = row.getString("prev_hash");
        String rowHash = row.getString("row_hash");
        if (seq > head.seq()) {
            breaks(seq, id, ChainBreak.Kind.INSERTED, "row " + id + " sits at position " + seq
                    + ", beyond the head at " + head.seq() + ": it was not written by the application");
        } else if (seq < expected) {
            breaks(seq, id, ChainBreak.Kind.INSERTED, "row " + id + " takes position " + seq + " a second time");
        } else if (seq > expected) {
            breaks(expected, null, ChainBreak.Kind.DELETED, (seq - expected == 1 ? "position " + expected + " is"
                    : "positions " + expected + " to " + (seq - 1) + " are") + " missing before row " + id);
        } else if (!previous.equals(prevHash)) {
            breaks(seq, id, ChainBreak.Kind.INSERTED, "row " + id + " at position " + seq
                    + " does not link to the row before it: it replaced the row the chain had there");
        } else if (!RowDigest.hash(table, seq, prevHash, table.valuesOf(row)).equals(rowHash)) {
            breaks(seq, id, ChainBreak.Kind.EDITED, "row " + id + " at position " + seq
                    + " no longer matches its hash: its content was changed after it was written");
        } else {
            rows++;
            expected++;
            previous = rowHash;
        }
    }

    private void breaks(long seq, Long rowId, ChainBreak.Kind kind, String detail) {
        firstBreak = new ChainBreak(seq, rowId, kind, table.tableName() + ": " + detail);
    }
}
