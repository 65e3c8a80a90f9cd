package org.signalaudit.store;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/**
 * The JDBC connection on which EclipseLink writes the current JTA transaction, for the one writer of
 * audit rows, which writes with JDBC next to it ({@code audit.control.AuditWriter}). Never close it:
 * it belongs to the transaction.
 *
 * <p>Why not {@code DataSource.getConnection()}: whether the container hands back the connection
 * already enlisted in the transaction depends on the invocation context. Inside EclipseLink's
 * commit of a transaction begun by {@code @Transactional} during authentication (the lockout
 * policy), Payara returned a second physical connection, outside the transaction: its statements
 * committed on their own and its locks waited on the transaction's own locks, forever. EclipseLink's
 * connection is the transaction's by construction: asked for it, EclipseLink starts writing the
 * transaction on it if it had not yet, and flushes on it later.
 *
 * <p>Why an EJB: entity rows are written during a flush, and the commit's own flush may
 * run where no component invocation is active (a {@code @Startup} singleton's transaction commits
 * after its {@code @PostConstruct} has returned). A CDI bean first created there got no
 * EntityManager injected; an EJB's call always runs in its own component context.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TransactionConnection {

    /** Work on the transaction's connection; the connection must not be kept beyond the call. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Runs {@code work} on the transaction's connection, held for the call the way EclipseLink holds
     * it for its own statements. {@code unwrap(Connection.class)} alone is not enough: in the middle
     * of a flush (an entity's callback, right after its UPDATE) EclipseLink has handed the pooled
     * connection back between two statements and answers null; counting a call of our own makes
     * it take the transaction's connection again (the pool gives a transaction the connection
     * enlisted in it), exactly as its next statement would.
     */
    public <T> T apply(Work<T> work) throws SQLException {
        UnitOfWorkImpl unitOfWork = em.unwrap(UnitOfWorkImpl.class);
        if (!unitOfWork.isInTransaction()) {
            unitOfWork.beginEarlyTransaction();
        }
        Accessor accessor = unitOfWork.getAccessor();
        accessor.incrementCallCount(unitOfWork.getParent());
        try {
            Connection connection = accessor.getConnection();
            if (connection == null) {
                throw new SQLException("EclipseLink gave no connection for the current transaction");
            }
            return work.on(connection);
        } finally {
            accessor.decrementCallCount();
        }
    }
}
