package org.signalaudit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every request of a load run, as the clients saw it; the clients add, the checks read. */
public final class LoadLog {

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

    void add(Sent request) {
        sent.add(request);
    }

    public List<Sent> all() {
        return new ArrayList<>(sent);
    }

    public List<Sent> matching(Predicate<Sent> filter) {
        return sent.stream().filter(filter).toList();
    }

    public int size() {
        return sent.size();
    }

    /** "200", "409", "503", "no answer", "refused" to how many requests got it. */
    public Map<String, Integer> outcomes() {
        var counts = new TreeMap<String, Integer>();
        for (Sent request : sent) {
            counts.merge(outcome(request), 1, Integer::sum);
        }
        return counts;
    }

    /** Per kind of request, the same counts. */
    public Map<Sent.Kind, Map<String, Integer>> outcomesByKind() {
        var counts = new TreeMap<Sent.Kind, Map<String, Integer>>();
        for (Sent request : sent) {
            counts.computeIfAbsent(request.kind(), kind -> new TreeMap<>()).merge(outcome(request), 1, Integer::sum);
        }
        return counts;
    }

    /** "median 120 ms, p95 900 ms, max 2100 ms" of the answers that match, for a summary. */
    public String latencies(Predicate<Sent> filter) {
        long[] millis = sent.stream().filter(Sent::answered).filter(filter).mapToLong(r -> r.latency().toMillis())
                .sorted().toArray();
        if (millis.length == 0) {
            return "none";
        }
        return "median " + millis[millis.length / 2] + " ms, p95 " + millis[(int) Math.ceil(millis.length * 0.95) - 1]
                + " ms, max " + millis[millis.length - 1] + " ms";
    }

    static String outcome(Sent request) {
        return switch (request.failure()) {
            case NONE -> Integer.toString(request.status());
            case REFUSED -> "refused";
            case NO_ANSWER -> "no answer";
        };
    }
}
