package org.signalaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /**
     * The datasource comes from the singleton that defines it, not from {@code @Resource}: this bean
     * may first be created at a commit outside any component invocation (a start-up bean's
     * transaction), where Payara cannot resolve {@code java:app} names and would inject null.
     */
    @Inject
    SchemaMigration store;

    private volatile DataSource dataSource;
    private volatile String insertSql;

    public void write(List<EntityAuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource().getConnection();
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
    private String insertFor(Connection connection) throws SQLException {
        if (insertSql == null) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            insertSql = INSERT.formatted(postgres ? "CAST(? AS jsonb)" : "?");
        }
        return insertSql;
    }

    /** Asked once: the datasource object stays valid for the application's life. */
    private DataSource dataSource() {
        if (dataSource == null) {
            dataSource = store.dataSource();
        }
        return dataSource;
    }
}
