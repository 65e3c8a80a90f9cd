package org.signalaudit.bench;

import java.time.Duration;

/**
 * The warm-up before a latency is sampled: the same request again and again for a while, so that
 * the p95 is the server's steady state and not its JIT compiler at work. A freshly started server
 * answers its first few hundred requests of a kind several times slower than later ones (docs/
 * PERFORMANCE.md, run 12: the entity's "as of" at a median of 15 ms over its first 200 answers, 6 ms
 * after them); ten requests, as before run 12, left most of that in the samples.
 */
final class WarmUp {

    static final Duration LENGTH = Duration.ofSeconds(5);

    private static final int AT_LEAST = 10;

    private WarmUp() {
    }

    static void repeat(Runnable request) {
        long until = System.nanoTime() + LENGTH.toNanos();
        for (int done = 0; done < AT_LEAST || System.nanoTime() < until; done++) {
            request.run();
        }
    }
}
