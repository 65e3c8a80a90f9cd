package org.signalaudit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Failures as they reach the mappers, wrapped as Payara, EclipseLink and the driver wrap them. */
class StoreOutageTest {

    @Test
    void aRefusedConnectionIsFoundUnderEveryLayerThatWrapsIt() {
        // What the identity store threw while PostgreSQL was stopped (the server log of the outage test).
        var refused = new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        var pool = new ResourceAllocationException("Connection could not be allocated", refused);
        var allocation = new SQLException("Error in allocating a connection. Cause: ...", null, 0, pool);
        var eclipseLink = DatabaseException.sqlException(allocation);
        Throwable thrown = new EJBException(new PersistenceException("Exception [EclipseLink-4002]", eclipseLink));

        assertThat(StoreOutage.causedBy(thrown)).isTrue();
        assertThat(StoreOutage.reason(thrown)).isEqualTo("ResourceAllocationException: Connection could not be allocated");
    }

    @Test
    void eachSignOfAnUnreachableDatabaseCountsOnItsOwn() {
        assertThat(StoreOutage.causedBy(new ConnectException("Connection refused"))).isTrue();
        assertThat(StoreOutage.causedBy(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(StoreOutage.causedBy(new ResourceAllocationException("In-use connections equal max-pool-size"))).isTrue();
        assertThat(StoreOutage.causedBy(new StoreUnavailableException())).isTrue();
        assertThat(StoreOutage.causedBy(sql("08006"))).as("connection failure").isTrue();
        assertThat(StoreOutage.causedBy(sql("57P01"))).as("terminated by pg_ctl stop").isTrue();
        assertThat(StoreOutage.causedBy(sql("57P03"))).as("the database system is starting up").isTrue();
        assertThat(StoreOutage.causedBy(sql("53300"))).as("too many connections").isTrue();
    }

    @Test
    void aCommitThatFailsBecauseTheConnectionDiedIsAnOutage() {
        var died = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        var rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(new PersistenceException(DatabaseException.sqlException(died)));

        assertThat(StoreOutage.causedBy(new EJBException(rollback))).isTrue();
    }

    @Test
    void aCommitRefusedForAReasonPayaraDidNotKeepMustBeAskedAbout() throws Exception {
        // What the mappers got when pg_ctl stop ended a backend just before the transaction's
        // commit, and when a deferred trigger refused the commit: the same but for the text.
        assertThat(StoreOutage.causedBy(flattenedCommit("FATAL: terminating connection due to administrator command")))
                .isFalse();
        assertThat(StoreOutage.commitFailedUnexplained(flattenedCommit("FATAL: terminating connection due to"
                + " administrator command"))).isTrue();
        assertThat(StoreOutage.commitFailedUnexplained(flattenedCommit("ERROR: refused by a deferred trigger"))).isTrue();
        assertThat(StoreOutage.commitFailedUnexplained(new EJBException(new OptimisticLockException("stale")))).isFalse();
    }

    @Test
    void thePoolFailingWithAnExceptionOfItsOwnMustBeAskedAbout() {
        // What a request got when PostgreSQL stopped under load: the pool's fail-all-connections
        // scheduling its resizer on a timer already cancelled, wrapped by the EJB container.
        IllegalStateException timer = new IllegalStateException("Task already scheduled or cancelled");
        timer.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Timer", "sched", "Timer.java", 413),
            new StackTraceElement("java.util.Timer", "scheduleAtFixedRate", "Timer.java", 340),
            new StackTraceElement("com.sun.enterprise.connectors.util.ConnectorTimerProxy", "scheduleAtFixedRate",
                    "ConnectorTimerProxy.java", 113),
            new StackTraceElement("com.sun.enterprise.resource.pool.ConnectionPool", "scheduleResizerTask",
                    "ConnectionPool.java", 271)});
        EJBException wrapped = new EJBException(timer);

        assertThat(StoreOutage.causedBy(wrapped)).isFalse();
        assertThat(StoreOutage.poolFailedUnexplained(wrapped)).isTrue();
        assertThat(StoreOutage.poolFailedUnexplained(new EJBException(new IllegalStateException("a bug of ours"))))
                .isFalse();
        assertThat(StoreOutage.poolFailedUnexplained(new EJBException(new OptimisticLockException("stale")))).isFalse();
    }

    @Test
    void aTransactionManagerThatSaysTheResourceFailedIsAnOutage() {
        assertThat(StoreOutage.causedBy(new XAException(XAException.XAER_RMFAIL))).isTrue();
        assertThat(StoreOutage.causedBy(new XAException(XAException.XA_RBCOMMFAIL))).isTrue();
        assertThat(StoreOutage.causedBy(new XAException(XAException.XAER_PROTO))).isFalse();
    }

    private static SystemException flattenedCommit(String databaseMessage) {
        var flattened = new XAException("jakarta.resource.spi.LocalTransactionException: " + databaseMessage);
        flattened.errorCode = XAException.XAER_RMERR;
        var commit = new SystemException();
        commit.initCause(flattened);
        return commit;
    }

    @Test
    void faultsAndConflictsOfAReachableDatabaseAreNoOutage() {
        assertThat(StoreOutage.causedBy(new EJBException(new PersistenceException(sql("23505"))))).as("unique").isFalse();
        assertThat(StoreOutage.causedBy(sql("P0001"))).as("raised by a trigger").isFalse();
        assertThat(StoreOutage.causedBy(sql("40001"))).as("serialization failure").isFalse();
        assertThat(StoreOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(StoreOutage.causedBy(new OptimisticLockException("stale"))).isFalse();
        assertThat(StoreOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aChainThatLoopsEnds() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(StoreOutage.causedBy(first)).isFalse();
    }

    @Test
    void theNextExceptionOfASqlExceptionIsFollowed() {
        var batch = new SQLException("Batch entry 0 was aborted");
        batch.setNextException(sql("08006"));

        assertThat(StoreOutage.causedBy(batch)).isTrue();
    }

    private static SQLException sql(String state) {
        return new SQLException("state " + state, state);
    }
}
