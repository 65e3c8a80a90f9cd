package org.signalaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.signalaudit.audit.entity.EntityAuditRow;
import org.signalaudit.store.SchemaMigration;

/**
 * Inserts {@code entity_audit} rows with JDBC on the application's JTA datasource. It runs at the
 * end of a flush, inside EclipseLink's commit of the unit of work, where the EntityManager must
 * not be used; inside a JTA transaction the container hands out the connection already enlisted
 * in it, so the rows commit or roll back with the change. A failed insert throws, which fails the
 * flush and rolls the change back (DESIGN.md, rule 1).
 */
@ApplicationScoped
public class EntityAuditWriter {

    private static final String INSERT = "INSERT INTO entity_audit (entity_type, entity_id, action, changes, "
            + "initiated_by, ip_address, origin, occurred_at, request_id) VALUES (?, ?, ?, %s, ?, ?, ?, ?, ?)";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    public void write(List<EntityAuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertFor(connection))) {
            for (EntityAuditRow row : rows) {
                insert.setString(1, row.entityType());
                insert.setString(2, row.entityId());
                insert.setString(3, row.action().name());
                insert.setString(4, row.changes());
                insert.setString(5, row.initiatedBy());
                insert.setString(6, row.provenance().ipAddress());
                insert.setString(7, row.provenance().origin().name());
                insert.setObject(8, row.occurredAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(9, row.provenance().requestId());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The entity audit rows could not be written; the change is rolled back", e);
        }
    }

    /** PostgreSQL's jsonb takes JSON text only through a cast; H2 stores the text as it is. */
    private static String insertFor(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        return INSERT.formatted(postgres ? "CAST(? AS jsonb)" : "?");
    }
}
