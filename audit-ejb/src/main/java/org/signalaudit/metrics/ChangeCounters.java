package org.signalaudit.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.CollectionChanged;
import org.signalaudit.signal.EntityChanged;

/**
 * A receiver outside the audit component: counts committed changes per entity type and kind
 * ({@code UserAccount:UPDATE}, {@code Group:members}) for the metrics. It observes after the
 * transaction succeeded ({@code AFTER_SUCCESS}), so it only counts committed changes and adds
 * nothing to the transaction. Not {@code @ObservesAsync}: a counter increment does not need a
 * thread of its own, and Payara captures the thread context for every asynchronous task, which cost
 * more than the count (docs/PERFORMANCE.md, run 8).
 * The counters are this instance's own, like any metrics: they decide nothing.
 */
@ApplicationScoped
public class ChangeCounters {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChanged change) {
        if (change.phase() == ChangePhase.POST) {
            increment(change.entityType() + ":" + change.kind());
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) CollectionChanged change) {
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
