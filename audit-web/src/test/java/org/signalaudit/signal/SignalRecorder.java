package org.signalaudit.signal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * A test-only receiver, deployed into the server with the in-container tests: it records every
 * model signal in the order it arrives, the synchronous ones and the asynchronous ones apart.
 * Tests select the signals of their own entities, so several tests can share it.
 */
@ApplicationScoped
public class SignalRecorder {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final List<Object> receivedAsync = new CopyOnWriteArrayList<>();

    void entityChanged(@Observes EntityChanged signal) {
        received.add(signal);
    }

    void collectionChanged(@Observes CollectionChanged signal) {
        received.add(signal);
    }

    void entityLoaded(@Observes EntityLoaded signal) {
        received.add(signal);
    }

    void bulkChanged(@Observes BulkChanged signal) {
        received.add(signal);
    }

    void entityChangedAsync(@ObservesAsync EntityChanged signal) {
        receivedAsync.add(signal);
    }

    void collectionChangedAsync(@ObservesAsync CollectionChanged signal) {
        receivedAsync.add(signal);
    }

    /** The synchronous signals that match, in the order they were fired. */
    public List<Object> received(Predicate<Object> filter) {
        return received.stream().filter(filter).toList();
    }

    /** The asynchronous signals that match, in the order they arrived. */
    public List<Object> receivedAsync(Predicate<Object> filter) {
        return receivedAsync.stream().filter(filter).toList();
    }

    /** Whether a signal concerns the entity with this audit key. */
    public static Predicate<Object> about(String entityId) {
        return signal -> signal instanceof EntityChanged changed && entityId.equals(changed.entityId())
                || signal instanceof CollectionChanged collection && entityId.equals(collection.entityId())
                || signal instanceof EntityLoaded loaded && entityId.equals(loaded.entityId());
    }
}
