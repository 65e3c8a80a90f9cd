package org.signalaudit.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something the server does in its own time (a timer, the sealer, the spool's
 * replay): the condition is asked every 200 ms until it holds, and the test fails if it has not
 * after {@code patience}. The patience is a bound against a hang, far above what is needed, never
 * a measured speed.
 */
public final class Waiting {

    private static final Duration POLL = Duration.ofMillis(200);

    private Waiting() {
    }

    /** Returns once {@code condition} holds; an {@link AssertionError} naming {@code what} after {@code patience}. */
    public static void until(Duration patience, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + patience + " for " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
