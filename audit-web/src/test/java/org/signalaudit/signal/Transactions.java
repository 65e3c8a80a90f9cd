package org.signalaudit.signal;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.persistence.sessions.Session;

/**
 * Test-only: runs a piece of persistence work in a transaction of its own, as the application's
 * own code would, with the application's persistence unit. Every transaction declares the test as
 * its initiator, as system code does.
 */
@ApplicationScoped
public class Transactions {

    static final String INITIATOR = Initiators.system("integration-test");

    @PersistenceContext
    EntityManager em;

    @PersistenceUnit
    EntityManagerFactory factory;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    TransactionInitiator initiator;

    /** EclipseLink's server session of the persistence unit, whose units of work inherit its listeners. */
    public Session serverSession() {
        return factory.unwrap(Session.class);
    }

    /** Runs {@code work} and commits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T commit(Function<EntityManager, T> work) {
        initiator.declare(INITIATOR);
        return work.apply(em);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void commitDoing(Consumer<EntityManager> work) {
        initiator.declare(INITIATOR);
        work.accept(em);
    }

    /** Runs {@code work}, flushes it to the database, then rolls the transaction back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void rollBack(Consumer<EntityManager> work) {
        initiator.declare(INITIATOR);
        work.accept(em);
        em.flush();
        registry.setRollbackOnly();
    }
}
