package org.signalaudit.store;

import java.sql.Connection;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The JDBC connection on which EclipseLink writes the current JTA transaction, for the audit code
 * that writes with JDBC next to it (the entity rows, the chain heads). Never close it: it belongs
 * to the transaction.
 *
 * <p>Why not {@code DataSource.getConnection()}: whether the container hands back the connection
 * already enlisted in the transaction depends on the invocation context. Inside EclipseLink's
 * commit of a transaction begun by {@code @Transactional} during authentication (the lockout
 * policy), Payara returned a second physical connection, outside the transaction: its statements
 * committed on their own and its locks waited on the transaction's own locks, forever. EclipseLink's
 * connection is the transaction's by construction: asked for it, EclipseLink starts writing the
 * transaction on it if it had not yet, and flushes on it later.
 *
 * <p>Why an EJB: the audit rows are written at the end of a flush, and the commit's own flush may
 * run where no component invocation is active (a {@code @Startup} singleton's transaction commits
 * after its {@code @PostConstruct} has returned). A CDI bean first created there got no
 * EntityManager injected; an EJB's call always runs in its own component context.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TransactionConnection {

    @PersistenceContext
    EntityManager em;

    public Connection current() {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("EclipseLink gave no connection for the current transaction");
        }
        return connection;
    }
}
