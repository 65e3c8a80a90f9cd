package org.signalaudit.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.signalaudit.signal.CollectionChanged;
import org.signalaudit.signal.EntityChanged;

/**
 * A receiver outside the audit component: counts committed changes per entity type and kind
 * ({@code UserAccount:UPDATE}, {@code Group:members}) for the metrics. It observes asynchronously,
 * so it adds nothing to the transaction of the change, and it only hears of committed changes.
 * The counters are this instance's own, like any metrics: they decide nothing.
 */
@ApplicationScoped
public class ChangeCounters {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void count(@ObservesAsync EntityChanged change) {
        increment(change.entityType() + ":" + change.kind());
    }

    void count(@ObservesAsync CollectionChanged change) {
        increment(change.entityType() + ":" + change.collection());
    }

    /** The counters now, by {@code type:kind} or {@code type:collection}, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    private void increment(String name) {
        counters.computeIfAbsent(name, n -> new LongAdder()).increment();
    }
}
