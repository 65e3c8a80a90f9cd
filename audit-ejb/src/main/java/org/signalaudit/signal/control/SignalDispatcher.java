package org.signalaudit.signal.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;

import org.signalaudit.signal.Initiators;
import org.signalaudit.signal.RequestContext;
import org.signalaudit.signal.TransactionInitiator;

/**
 * The CDI side of the persistence hooks: the EclipseLink listeners are not beans, so they hand
 * every signal to this one to be fired, and ask it who acts and in which request.
 */
@ApplicationScoped
public class SignalDispatcher {

    /** An HTTP request nobody authenticated and no code declared an initiator for. */
    static final String ANONYMOUS = "anonymous";
    /** Work outside any request whose code declared no {@code system:<component>} initiator. */
    static final String UNDECLARED_SYSTEM = Initiators.system("unknown");

    private static final Logger LOG = Logger.getLogger(SignalDispatcher.class.getName());

    @Inject
    BeanManager beans;

    /** Whether a signal type has asynchronous receivers: the beans are fixed once deployed. */
    private final Map<Class<?>, Boolean> asyncReceivers = new ConcurrentHashMap<>();

    @Inject
    Event<Object> signals;

    @Inject
    RequestContext request;

    @Inject
    TransactionInitiator transaction;

    /** The declared initiator of the transaction, else the request's actor, else the system. */
    String initiator() {
        Optional<String> declared = transaction.declared();
        if (declared.isPresent()) {
            return declared.get();
        }
        if (requestOpen()) {
            return request.actor() != null ? request.actor() : ANONYMOUS;
        }
        return UNDECLARED_SYSTEM;
    }

    String requestId() {
        return requestOpen() ? request.requestId() : null;
    }

    /** Synchronous: every {@code @Observes} receiver runs now, in the caller's transaction. */
    void fire(Object signal) {
        signals.fire(signal);
    }

    /**
     * Asynchronous: {@code @ObservesAsync} receivers run later, on other threads. Only when there is
     * such a receiver: Payara captures the thread context for every task it is handed (a jar scan),
     * which cost more than the signal itself on every committed change (docs/PERFORMANCE.md, run 8).
     */
    void fireAsync(Object signal) {
        if (!asyncReceivers.computeIfAbsent(signal.getClass(), type -> beans.resolveObserverMethods(signal).stream()
                .anyMatch(ObserverMethod::isAsync))) {
            return;
        }
        signals.fireAsync(signal).exceptionally(failure -> {
            LOG.log(Level.WARNING, failure, () -> "An asynchronous receiver of " + signal + " failed");
            return null;
        });
    }

    private boolean requestOpen() {
        return active(RequestScoped.class) && request.isOpen();
    }

    private boolean active(Class<? extends java.lang.annotation.Annotation> scope) {
        try {
            return beans.getContext(scope).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
