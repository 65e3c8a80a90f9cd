package org.signalaudit.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * The warm-up before a latency is sampled: the same request again and again, in windows of
 * {@link #WINDOW}, until the server's JIT compilers were quiet through a whole window (at most
 * {@link SteadyState#COMPILER_SHARE} of a core, as the transition load's warm-up asks), so that the
 * p95 is the server's steady state and not its compiler at work.
 *
 * <p>A freshly started server answers its first few hundred requests of a kind several times
 * slower than later ones (docs/PERFORMANCE.md, run 12: the entity's "as of" at a median of 15 ms
 * over its first 200 answers, 6 ms after them). A fixed five seconds, as before run 27, was not
 * enough on a slower machine: the bulk part's server, started for it, still compiled its request
 * path while the inclusion proofs were sampled (run 27: a trivial authenticated GET took 10 ms at
 * the median after 600 requests, 2–4 ms after 3,000).
 */
final class WarmUp {

    static final Duration WINDOW = Duration.ofSeconds(5);

    private static final int MIN_WINDOWS = 2;
    private static final int MAX_WINDOWS = 24;

    /** How a warm-up ended: whether the compilers went quiet, after how many requests and seconds. */
    record Warmed(boolean steady, int requests, double seconds) {

        /** The report's words, e.g. "warm-up: compilers quiet after 2,310 requests in 15 s". */
        String describe() {
            return String.format(Locale.ROOT, "warm-up: compilers %s after %,d requests in %.0f s",
                    steady ? "quiet" : "NOT quiet", requests, seconds);
        }
    }

    /** A p95 in ms, sampled after {@code warmUp}. */
    record Sampled(double p95, Warmed warmUp) {
    }

    private WarmUp() {
    }

    static Warmed repeat(MicroServer server, Runnable request) {
        long started = System.nanoTime();
        int requests = 0;
        double compiled = server.compilerCpuSeconds();
        for (int windows = 1; windows <= MAX_WINDOWS; windows++) {
            long until = System.nanoTime() + WINDOW.toNanos();
            while (System.nanoTime() < until) {
                request.run();
                requests++;
            }
            double now = server.compilerCpuSeconds();
            boolean quiet = !(now - compiled > SteadyState.COMPILER_SHARE * WINDOW.toSeconds()); // NaN: no /proc
            compiled = now;
            if (windows >= MIN_WINDOWS && quiet) {
                return new Warmed(true, requests, (System.nanoTime() - started) / 1e9);
            }
        }
        return new Warmed(false, requests, (System.nanoTime() - started) / 1e9);
    }
}
