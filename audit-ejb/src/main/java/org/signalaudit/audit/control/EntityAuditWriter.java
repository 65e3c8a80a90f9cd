package org.signalaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.signalaudit.audit.chain.ChainLink;
import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.store.TransactionConnection;

/**
 * Inserts {@code entity_audit} rows with JDBC on the transaction's own connection
 * ({@link TransactionConnection}). It runs at the end of a flush, inside EclipseLink's commit of the
 * unit of work, where the EntityManager must not run queries ({@link BusinessAuditWriter}); on the
 * connection the flush used, the rows commit or roll back with the change. A failed insert throws,
 * which fails the flush and rolls the change back (DESIGN.md, rule 1).
 */
@ApplicationScoped
public class EntityAuditWriter {

    private static final String INSERT = "INSERT INTO entity_audit (entity_type, entity_id, action, changes, "
            + "initiated_by, ip_address, origin, occurred_at, request_id, chain_seq, prev_hash, row_hash) "
            + "VALUES (?, ?, ?, %s, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    TransactionConnection transaction;

    private volatile String insertSql;

    /** Inserts the rows, each at the chain position given for it. */
    public void insert(List<EntityAuditRow> rows, List<ChainLink> links) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = transaction.current();
        try (PreparedStatement insert = connection.prepareStatement(insertFor(connection))) {
            for (int i = 0; i < rows.size(); i++) {
                EntityAuditRow row = rows.get(i);
                ChainLink link = links.get(i);
                insert.setString(1, row.entityType());
                insert.setString(2, row.entityId());
                insert.setString(3, row.action().name());
                insert.setString(4, row.changes());
                insert.setString(5, row.initiatedBy());
                insert.setString(6, row.provenance().ipAddress());
                insert.setString(7, row.provenance().origin().name());
                insert.setObject(8, row.occurredAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(9, row.provenance().requestId());
                insert.setLong(10, link.seq());
                insert.setString(11, link.prevHash());
                insert.setString(12, link.rowHash());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The entity audit rows could not be written; the change is rolled back", e);
        }
    }

    /** PostgreSQL's jsonb takes JSON text only through a cast; H2 stores the text as it is. */
    private String insertFor(Connection connection) throws SQLException {
        if (insertSql == null) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            insertSql = INSERT.formatted(postgres ? "CAST(? AS jsonb)" : "?");
        }
        return insertSql;
    }
}
