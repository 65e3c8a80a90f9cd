package org.signalaudit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audited transitions through HTTP: each client LOCKs and UNLOCKs its own user as fast as the
 * server answers, for a fixed time, and the committed transitions are counted.
 */
final class TransitionLoad {

    /** Committed transitions per second, failed ones, and when the last client finished. */
    record Throughput(double perSecond, long errors, long endedNanos) {

        /** Measured rounds of one level as one: the median rate, every round's errors, the last one's end. */
        static Throughput of(List<Throughput> rounds) {
            return new Throughput(SteadyState.median(rounds.stream().mapToDouble(Throughput::perSecond).toArray()),
                    rounds.stream().mapToLong(Throughput::errors).sum(),
                    rounds.stream().mapToLong(Throughput::endedNanos).max().orElseThrow());
        }
    }

    private TransitionLoad() {
    }

    /** Unmeasured rounds of this load on {@code servers} until its rate settles ({@link SteadyState#settle}). */
    static void settle(Report report, String level, List<Client> servers, List<String> users) throws Exception {
        SteadyState.settle(report, level, length -> run(servers, users, length).perSecond());
    }

    /** The level's measured rounds of this load on {@code servers} ({@link SteadyState#measure}) as one. */
    static Throughput measure(Report report, String level, Duration length, List<Client> servers, List<String> users)
            throws Exception {
        return Throughput.of(SteadyState.measure(report, level, length, round -> run(servers, users, round),
                Throughput::perSecond));
    }

    static Throughput run(Client server, List<String> users, Duration duration) throws InterruptedException {
        return run(List.of(server), users, duration);
    }

    /** The same load spread over several instances: the users' clients round-robin over {@code servers}. */
    static Throughput run(List<Client> servers, List<String> users, Duration duration) throws InterruptedException {
        var done = new AtomicLong();
        var errors = new AtomicLong();
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            Client client = servers.get(i % servers.size()).fork();
            boolean startWithLock = currentlyActive(client, user);
            var thread = new Thread(() -> {
                await(start);
                long end = System.nanoTime() + duration.toNanos();
                boolean lock = startWithLock;
                while (System.nanoTime() < end) {
                    if (transition(client, user, lock)) {
                        done.incrementAndGet();
                        lock = !lock;
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        window[1] = System.nanoTime();
        return new Throughput(done.get() / ((window[1] - window[0]) / 1e9), errors.get(), window[1]);
    }

    /** The latencies of the same transitions on the audited server and on the receivers-off one. */
    record OnOff(Latencies on, Latencies off) {
    }

    /**
     * One client on each server, each moving its own user, in alternating rounds of
     * {@code perRound} transitions (on, off, on, off, ...) after a warm-up of both: whatever the
     * machine does meanwhile (PostgreSQL's checkpoints, autovacuum, another process) falls on both
     * sides alike, instead of on whichever server ran second.
     */
    static OnOff interleaved(Client on, String onUser, Client off, String offUser, int rounds, int perRound) {
        Client onClient = on.fork();
        Client offClient = off.fork();
        warmUp(onClient, onUser);
        warmUp(offClient, offUser);
        long[] onNanos = new long[rounds * perRound];
        long[] offNanos = new long[rounds * perRound];
        for (int round = 0; round < rounds; round++) {
            record(onClient, onUser, onNanos, round * perRound, perRound);
            record(offClient, offUser, offNanos, round * perRound, perRound);
        }
        return new OnOff(new Latencies(onNanos), new Latencies(offNanos));
    }

    private static void record(Client client, String user, long[] nanos, int from, int count) {
        boolean lock = currentlyActive(client, user);
        for (int i = from; i < from + count; i++) {
            long started = System.nanoTime();
            if (!transition(client, user, lock)) {
                throw new IllegalStateException("A transition failed during the latency run");
            }
            nanos[i] = System.nanoTime() - started;
            lock = !lock;
        }
    }

    /** Fills the pools and the caches of one client's path (after {@link SteadyState#reach}, or before a latency). */
    static void warmUp(Client client, String user) {
        boolean lock = currentlyActive(client, user);
        for (int i = 0; i < 200; i++) {
            if (transition(client, user, lock)) {
                lock = !lock;
            }
        }
    }

    private static boolean currentlyActive(Client client, String user) {
        return "ACTIVE".equals(client.get("api/users/" + user).json().getString("state"));
    }

    private static boolean transition(Client client, String user, boolean lock) {
        var answer = client.post("api/users/" + user + "/transitions",
                lock ? "{\"event\":\"LOCK\",\"reason\":\"benchmark\"}" : "{\"event\":\"UNLOCK\",\"reason\":\"benchmark\"}");
        return answer.status() == 200;
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
