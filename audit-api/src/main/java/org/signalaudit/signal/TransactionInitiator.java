package org.signalaudit.signal;

import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Who acts in the current transaction, when it is not simply the authenticated caller: the
 * invited user accepting their invitation anonymously, or {@code system:<component>} for work no
 * request asked for (bootstrap, demo seed, timers). The entity signals name this initiator first,
 * then the request's actor; without either, a change is the system's.
 *
 * <p>Kept as a resource of the JTA transaction itself ({@link TransactionSynchronizationRegistry}),
 * which ends with it. Not a {@code @TransactionScoped} bean: every entity signal asks for the
 * initiator, and Payara's transaction-scoped context looks the registry up in JNDI and creates
 * and registers a bean per transaction on every such question: 11 % of the server's CPU under
 * the benchmark's load (docs/PERFORMANCE.md, run 19).
 */
@ApplicationScoped
public class TransactionInitiator {

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    /** Names the initiator of the current transaction; there must be one. */
    public void declare(String initiator) {
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("A declared initiator is never empty");
        }
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("An initiator is declared for a transaction, and none is active");
        }
        transactions.putResource(TransactionInitiator.class, initiator);
    }

    /** The initiator declared in the current transaction; empty outside one, or if none was declared. */
    public Optional<String> declared() {
        if (transactions.getTransactionKey() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((String) transactions.getResource(TransactionInitiator.class));
    }
}
