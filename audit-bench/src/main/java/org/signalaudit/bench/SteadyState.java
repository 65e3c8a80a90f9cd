package org.signalaudit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The warm-up before any throughput or latency is taken: a load on every server of the level, in
 * windows of {@link #WINDOW}, until the servers have stopped compiling and the rate has stopped
 * climbing.
 *
 * <p>A Payara JVM compiles for minutes after its start. A minute into a load of 32 clients its
 * compiler threads still used a fifth of a core (nearly a whole one beside a single client), and
 * the rate was half what it was two minutes later (docs/PERFORMANCE.md, run 15); a rate alone is a
 * poor test of that,
 * since two windows of a slow climb agree within a few per cent. So a window counts as steady only
 * when every server's compiler threads used at most {@link #COMPILER_SHARE} of one core in it
 * ({@link MicroServer#compilerCpuSeconds}) and its rate is within {@link #AGREE} of the window
 * before; the warm-up ends at the first steady window after {@link #MIN_WINDOWS}, or after
 * {@link #MAX_WINDOWS} (reported as not steady).
 *
 * <p>The warm-up load is {@link #CLIENTS_PER_SERVER} clients per server, not the level's 32: the
 * compiler threads get no more CPU than any request thread, and beside 32 busy request threads on
 * two cores they got a fifth of a core, so that the server took over five minutes to compile its
 * request path (run 15). With fewer clients the same methods get hot and are compiled sooner.
 */
final class SteadyState {

    static final Duration WINDOW = Duration.ofSeconds(10);
    static final int MIN_WINDOWS = 3;
    /**
     * 30 windows unless {@code -Dbench.warm-up.max-windows=} says otherwise: three JVMs on two cores
     * were still compiling after five minutes (docs/PERFORMANCE.md, runs 15 and 21).
     */
    static final int MAX_WINDOWS = Integer.getInteger("bench.warm-up.max-windows", 30);
    static final double COMPILER_SHARE = 0.05;
    static final double AGREE = 0.05;
    static final int CLIENTS_PER_SERVER = 4;
    static final int LEVEL_ROUNDS = 6;
    /**
     * Each level's figure is the median of this many measured rounds ({@code -Dbench.measured-rounds=}):
     * one round of three JVMs on two cores measured 225 tps right after two settling rounds at 328
     * and 338 (docs/PERFORMANCE.md, run 22), and a single round reports such a round as the level.
     */
    static final int MEASURED_ROUNDS = Integer.getInteger("bench.measured-rounds", 3);

    /** How the warm-up ended: its length, its windows, the last two rates and the last window's compile time. */
    record Reached(boolean steady, double seconds, int windows, double previous, double last, double compilerSeconds) {

        /** The report's condition, e.g. "steady after 17 windows of 10 s at 4 clients a server: 589 then 564 tps, …". */
        String describe() {
            return String.format(Locale.ROOT, "%s after %d windows of %d s at %d clients a server: %.0f then"
                    + " %.0f tps, the compilers %.2f s of CPU in the last", steady ? "steady" : "NOT steady", windows,
                    WINDOW.toSeconds(), CLIENTS_PER_SERVER, previous, last, compilerSeconds);
        }
    }

    private SteadyState() {
    }

    /** {@link #reach}, its length and how it ended reported as the "warm-up" of {@code which}. */
    static void warm(Report report, String which, List<MicroServer> servers, List<String> users)
            throws InterruptedException {
        Reached reached = reach(servers, users);
        report.add("warm-up", which + ", " + reached.describe(), reached.seconds(), "s");
    }

    /** One unmeasured round of a level's own load: its rate, in transitions per second. */
    @FunctionalInterface
    interface Round {
        double perSecond(Duration length) throws Exception;
    }

    /**
     * Rounds of a level's own load, of {@link #WINDOW} each and not measured, until two in a row
     * agree within {@link #AGREE} (at most {@link #LEVEL_ROUNDS}); the level is measured after them
     * ({@link #measure}),
     * and how many it took is reported as {@code which}'s "level settled".
     *
     * <p>The warm-up at {@link #CLIENTS_PER_SERVER} clients a server does not warm everything a
     * level of 32 uses: after a warm-up that counted as steady, the 32-client rate still rose for
     * three rounds of 15 s (docs/PERFORMANCE.md, run 21: 467, 694, 742 tps), so a level measured
     * right after it was measured on the way up. pgbench's levels settle the same way, so that
     * both sides of a ratio are measured alike.
     */
    static void settle(Report report, String which, Round round) throws Exception {
        double previous = round.perSecond(WINDOW);
        double last = round.perSecond(WINDOW);
        int rounds = 2;
        while (!agree(previous, last) && rounds < LEVEL_ROUNDS) {
            previous = last;
            last = round.perSecond(WINDOW);
            rounds++;
        }
        report.add("level settled", String.format(Locale.ROOT, "%s, %s after %d unmeasured rounds of %d s: %.0f then"
                + " %.0f tps", which, agree(previous, last) ? "settled" : "NOT settled", rounds, WINDOW.toSeconds(),
                previous, last), rounds, "rounds");
    }

    /** One measured round of a level's load: what it measured, e.g. a {@link TransitionLoad.Throughput}. */
    @FunctionalInterface
    interface Measured<T> {
        T run(Duration length) throws Exception;
    }

    /**
     * {@link #MEASURED_ROUNDS} measured rounds of {@code length} each, one after the other, the
     * rate of each reported as {@code which}'s "level measured"; the caller takes their median
     * ({@link #median}), HTTP and pgbench alike.
     */
    static <T> List<T> measure(Report report, String which, Duration length, Measured<T> round,
                               ToDoubleFunction<T> rate) throws Exception {
        List<T> rounds = new ArrayList<>();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            rounds.add(round.run(length));
        }
        String rates = rounds.stream().map(r -> String.format(Locale.ROOT, "%.0f", rate.applyAsDouble(r)))
                .collect(Collectors.joining(", "));
        report.add("level measured", String.format(Locale.ROOT, "%s, %d rounds of %d s: %s tps, the median is the"
                + " level's figure", which, rounds.size(), length.toSeconds(), rates), rounds.size(), "rounds");
        return rounds;
    }

    /** {@link #measure} for a load that measures a rate only (pgbench): the rounds' median. */
    static double medianRate(Report report, String which, Duration length, Round round) throws Exception {
        return median(measure(report, which, length, round::perSecond, Double::doubleValue).stream()
                .mapToDouble(Double::doubleValue).toArray());
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static boolean agree(double previous, double last) {
        return Math.abs(last - previous) <= AGREE * Math.max(last, previous);
    }

    static Reached reach(List<MicroServer> servers, List<String> users) throws InterruptedException {
        List<Client> clients = servers.stream().map(MicroServer::client).toList();
        List<String> warming = users.subList(0, Math.min(users.size(), CLIENTS_PER_SERVER * servers.size()));
        long started = System.nanoTime();
        double[] compiled = compiled(servers);
        double previous = 0;
        double last = 0;
        double compiling = Double.NaN;
        for (int windows = 1; windows <= MAX_WINDOWS; windows++) {
            previous = last;
            last = TransitionLoad.run(clients, warming, WINDOW).perSecond();
            double[] now = compiled(servers);
            compiling = 0;
            for (int i = 0; i < now.length; i++) {
                compiling = Math.max(compiling, now[i] - compiled[i]);
            }
            compiled = now;
            boolean quiet = !(compiling > COMPILER_SHARE * WINDOW.toSeconds()); // NaN (no /proc): the rate decides
            if (windows >= MIN_WINDOWS && quiet && agree(previous, last)) {
                return new Reached(true, seconds(started), windows, previous, last, compiling);
            }
        }
        return new Reached(false, seconds(started), MAX_WINDOWS, previous, last, compiling);
    }

    private static double[] compiled(List<MicroServer> servers) {
        return servers.stream().mapToDouble(MicroServer::compilerCpuSeconds).toArray();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
