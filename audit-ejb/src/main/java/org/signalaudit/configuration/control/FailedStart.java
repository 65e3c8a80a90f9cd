package org.signalaudit.configuration.control;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The end of a start-up that cannot succeed. The reason is logged as one SEVERE line (Payara adds
 * its own report of the failed deployment). On Payara Micro the process exists only to run this
 * application, and Payara Micro keeps running with no application and says "ready" (it has no
 * option to stop when a deployment fails: {@code initialize-all-applications} and the post-deploy
 * commands ignore failures), so the process is ended with status 1 shortly after, once the
 * deployment has unwound and Payara has logged it. On Payara Server the domain serves other
 * applications: there only the deployment fails, as {@code asadmin deploy} reports.
 */
public final class FailedStart {

    private static final Logger LOG = Logger.getLogger(FailedStart.class.getName());
    /** Payara Micro sets this system property from its boot properties. */
    private static final String PAYARA_MICRO = "Payara Micro";
    /** Time for the deployment to fail and Payara to log it before the process ends. */
    private static final Duration UNWIND = Duration.ofSeconds(2);
    static final int EXIT_STATUS = 1;

    private FailedStart() {
    }

    /** Logs {@code reason} and returns it, for the start-up bean to throw; on Payara Micro the process ends. */
    public static RuntimeException stop(RuntimeException reason) {
        return stop(List.of(reason));
    }

    /** Logs each reason on its own line and returns the first, for the caller to throw; on Payara Micro the process ends. */
    public static RuntimeException stop(List<? extends RuntimeException> reasons) {
        reasons.forEach(reason -> LOG.severe(reason.getMessage()));
        if (PAYARA_MICRO.equals(System.getProperty("product.name"))) {
            Thread exit = new Thread(FailedStart::exit, "signal-audit-failed-start");
            exit.setDaemon(false);
            exit.start();
        }
        return reasons.get(0);
    }

    private static void exit() {
        try {
            Thread.sleep(UNWIND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.severe(() -> "Payara Micro stops with exit status " + EXIT_STATUS + ": the application did not start");
        System.exit(EXIT_STATUS);
    }
}
