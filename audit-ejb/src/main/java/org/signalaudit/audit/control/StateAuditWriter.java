package org.signalaudit.audit.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.entity.StateAuditRow;
import org.signalaudit.store.TransactionConnection;

/**
 * Inserts {@code user_state_audit} rows with JDBC on the transaction's own connection
 * ({@link TransactionConnection}), at the end of a flush, where the EntityManager may not be used
 * ({@link BusinessAuditWriter}). A failed insert throws, which fails the flush and rolls the change
 * back (DESIGN.md, rule 1).
 */
@ApplicationScoped
public class StateAuditWriter {

    private static final String INSERT = "INSERT INTO user_state_audit (username, initiated_by, start_state, "
            + "end_state, occurred_at, ip_address, origin, event, reason, request_id, chain_seq, prev_hash, row_hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    TransactionConnection transaction;

    /** Inserts the rows, each at the chain position given for it. */
    public void insert(List<StateAuditRow> rows, List<ChainLink> links) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = transaction.current().prepareStatement(INSERT)) {
            for (int i = 0; i < rows.size(); i++) {
                StateAuditRow row = rows.get(i);
                ChainLink link = links.get(i);
                insert.setString(1, row.username());
                insert.setString(2, row.initiatedBy());
                insert.setString(3, row.startState() == null ? null : row.startState().name());
                insert.setString(4, row.endState().name());
                insert.setObject(5, row.occurredAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(6, row.provenance().ipAddress());
                insert.setString(7, row.provenance().origin().name());
                insert.setString(8, row.event().name());
                insert.setString(9, row.reason());
                insert.setString(10, row.provenance().requestId());
                insert.setLong(11, link.seq());
                insert.setString(12, link.prevHash());
                insert.setString(13, link.rowHash());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The state audit rows could not be written; the change is rolled back", e);
        }
    }
}
