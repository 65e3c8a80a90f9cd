package org.signalaudit.signal;

import java.io.Serializable;
import java.util.Optional;

import jakarta.transaction.TransactionScoped;

/**
 * Who acts in the current transaction, when it is not simply the authenticated caller: the
 * invited user accepting their invitation anonymously, or {@code system:<component>} for work no
 * request asked for (bootstrap, demo seed, timers). The entity signals name this initiator first,
 * then the request's actor; without either, a change is the system's.
 */
@TransactionScoped
public class TransactionInitiator implements Serializable {

    private static final long serialVersionUID = 1L;

    private String initiator;

    public void declare(String initiator) {
        if (initiator == null || initiator.isBlank()) {
            throw new IllegalArgumentException("A declared initiator is never empty");
        }
        this.initiator = initiator;
    }

    public Optional<String> declared() {
        return Optional.ofNullable(initiator);
    }
}
