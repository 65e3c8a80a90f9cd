package org.signalaudit.availability;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks the database whether it is there, for the failures that do not say: a commit refused
 * for a reason Payara did not keep ({@link StoreOutage#commitFailedUnexplained}), or the
 * connection pool failing with an exception of its own ({@link StoreOutage#poolFailedUnexplained}). If the store
 * cannot be reached now, the commit failed because it went away (503); if it can, the commit
 * was refused (a deferred constraint, a trigger: 500). Used only on that rare path, never per
 * request.
 */
@ApplicationScoped
public class StoreProbe {

    /** store.SchemaMigration.DATASOURCE in audit-ejb, which the web tier does not compile against. */
    static final String DATASOURCE = "java:app/jdbc/signalaudit";
    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = DATASOURCE)
    DataSource store;

    /** Whether {@code failure} means the database cannot be reached, asking it when the failure does not tell. */
    public boolean unavailable(Throwable failure) {
        return StoreOutage.causedBy(failure)
                || (StoreOutage.commitFailedUnexplained(failure) || StoreOutage.poolFailedUnexplained(failure))
                && !reachable();
    }

    private boolean reachable() {
        try (Connection connection = store.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
