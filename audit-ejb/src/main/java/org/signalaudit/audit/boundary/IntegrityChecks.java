package org.signalaudit.audit.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditIntegrity;
import org.signalaudit.audit.ChainReport;
import org.signalaudit.audit.ChainState;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.chain.ChainWalk;
import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.control.StateReplay;
import org.signalaudit.store.SchemaMigration;

/**
 * The verify and the replay check, for the superadmin. Each reads one snapshot of the store (a
 * read-only REPEATABLE READ transaction of its own, outside any container transaction): writers go
 * on meanwhile, and what they commit during the walk is simply not part of it.
 */
@Stateless
@RolesAllowed(Role.SUPERADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrityChecks implements AuditIntegrity {

    @Inject
    SchemaMigration store;

    @Override
    public ChainReport verify() {
        return inSnapshot(connection -> {
            List<ChainState> chains = new ArrayList<>();
            for (ChainedTable table : ChainedTable.values()) {
                chains.add(ChainWalk.walk(connection, table));
            }
            return ChainReport.of(chains);
        });
    }

    @Override
    public ReplayReport replayCheck() {
        return inSnapshot(StateReplay::run);
    }

    private <T> T inSnapshot(Reading<T> reading) {
        try (Connection connection = store.dataSource().getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return reading.read(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit store could not be read for the check", e);
        }
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(Connection connection) throws SQLException;
    }
}
