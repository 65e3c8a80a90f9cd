package org.signalaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * This build's Payara Micro and WAR as a child process of the test, for the tests that must kill
 * and restart the server, which Arquillian's managed container cannot do. It gets the system
 * properties arquillian.xml passes (datasource, superadmin, trusted proxy, trail exclusions), but
 * on the test's own database. {@link #kill()} is SIGKILL ({@code destroyForcibly} on Linux), of
 * this process only. The server's output goes to a log file under {@code target/}, named in every
 * failure; its working directory ({@code --rootdir}, fresh at every start: a reused one would
 * deploy the old WAR first) is deleted on {@link #close()}; a shutdown hook kills the process
 * should the test JVM end first. Its outage spool ({@code audit.spool.dir}) is {@code spool/}
 * beside the log unless the test sets one: the same for every server of a test, so a restarted
 * server finds what the killed one kept ({@link #spoolOf}).
 */
public final class MicroProcess implements AutoCloseable {

    private static final String SPOOL_DIR = "audit.spool.dir";

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Path root;
    private final Thread reaper;

    private MicroProcess(Process process, URI base, Path log, Path root) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.root = root;
        this.reaper = new Thread(process::destroyForcibly, "kill " + log.getFileName());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the server on {@code databaseUrl} and returns once the API answers (deployment,
     * schema and bootstrap done). {@code port} 0 takes a free one; a restart passes the old port
     * so the clients find the server where it was. Its output goes to {@code log}, its working
     * files next to it.
     */
    public static MicroProcess start(String databaseUrl, int port, Path log) {
        return start(databaseUrl, port, log, List.of());
    }

    /** As {@link #start(String, int, Path)}, with more system properties ({@code -Dname=value}) for this test's server. */
    public static MicroProcess start(String databaseUrl, int port, Path log, List<String> moreProperties) {
        var properties = new ArrayList<>(systemProperties(databaseUrl));
        properties.addAll(moreProperties);
        return start(properties, Map.of(), port, log);
    }

    /**
     * Starts the server as {@link #start(String, int, Path)} does, with {@code properties}
     * ({@code -D...}) and {@code environment} variables, and returns once the API answers.
     */
    public static MicroProcess start(List<String> properties, Map<String, String> environment, int port, Path log) {
        MicroProcess server = launch(properties, environment, port, log);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the server as {@code java -jar payara-micro.jar --deploy audit.war} with only
     * {@code environment} as its configuration and returns at once, for a test of a start that
     * must fail ({@link #exitStatus(Duration)}).
     */
    public static MicroProcess launch(Map<String, String> environment, Path log) {
        return launch(List.of(), environment, 0, log);
    }

    private static MicroProcess launch(List<String> properties, Map<String, String> environment, int port, Path log) {
        return launch(properties, environment, List.of("--nocluster"), port, log);
    }

    /**
     * Starts the server with {@code properties} and Payara Micro's {@code microOptions} (in place
     * of {@code --nocluster}: a {@link MicroCluster}'s options) and returns at once; {@link #awaitReady()}
     * waits for it.
     */
    public static MicroProcess launch(List<String> properties, List<String> microOptions, int port, Path log) {
        return launch(properties, Map.of(), microOptions, port, log);
    }

    private static MicroProcess launch(List<String> properties, Map<String, String> environment,
                                       List<String> microOptions, int port, Path log) {
        Path directory = log.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            int httpPort = port == 0 ? FreePorts.next() : port;
            Path root = Files.createTempDirectory(directory, "micro-root-");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(properties);
            if (properties.stream().noneMatch(p -> p.startsWith("-D" + SPOOL_DIR + "="))
                    && !environment.containsKey("AUDIT_SPOOL_DIR")) {
                // One outage spool per test, kept across its restarts: the default, under the
                // working directory, is the same for every server the build starts.
                command.add("-D" + SPOOL_DIR + "=" + spoolOf(directory));
            }
            command.addAll(List.of("-jar", required("payara.micro.jar"), "--deploy", required("audit.war"),
                    "--contextroot", "audit", "--port", Integer.toString(httpPort), "--rootdir", root.toString()));
            command.addAll(microOptions);
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new MicroProcess(builder.start(), URI.create("http://127.0.0.1:" + httpPort + "/audit/"), log, root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro in " + directory, e);
        }
    }

    /** The outage spool directory of the servers whose logs are in {@code directory} (one test's). */
    public static Path spoolOf(Path directory) {
        return directory.toAbsolutePath().resolve("spool");
    }

    /** The exit status of a server that must end by itself within {@code atMost}; killed and failed otherwise. */
    public int exitStatus(Duration atMost) {
        if (!waitForExit(atMost)) {
            kill();
            throw new AssertionError("Payara Micro still ran after " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same options as arquillian.xml's {@code cmdOptions}, on another database. No DataSource
     * class: it follows from the URL.
     */
    public static List<String> systemProperties(String databaseUrl) {
        return List.of(
                "-Daudit.db.url=" + databaseUrl,
                "-Daudit.db.user=" + required("audit.test.db.user"),
                "-Daudit.db.password=" + required("audit.test.db.password"),
                "-Daudit.seal.keystore=" + required("audit.test.seal.keystore"),
                "-Daudit.seal.keystore-password=" + required("audit.test.seal.keystore-password"),
                "-Daudit.bootstrap.superadmin-password=" + Api.SUPERADMIN_PASSWORD,
                "-Daudit.trusted-proxies=127.0.0.2/32",
                "-Daudit.trail.excluded-paths=/health,/metrics,/favicon.ico,/jakarta.faces.resource,/trail-excluded");
    }

    /** The base URL, ending in the context root: {@code http://127.0.0.1:<port>/audit/}. */
    public URI base() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A client of this server (anonymous; {@code as} and {@code asSuperadmin} give the others). */
    public Api api() {
        try {
            return Api.at(base.toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A counter of the application's MicroProfile metrics ({@code /metrics?scope=application},
     * outside the context root), e.g. {@code audit_trail_failures_total}; 0 before it first counts.
     */
    public double metric(String name) {
        return metric(name, "");
    }

    /**
     * The sum of the series of a metric whose tags include {@code tag}, e.g.
     * {@code metric("audit_rows_written_total", "table=\"user_state_audit\"")}; 0 before it first counts.
     */
    public double metric(String name, String tag) {
        return metric("application", name, tag);
    }

    /**
     * The same in another scope: {@code base} holds the metrics MicroProfile Fault Tolerance keeps
     * of its circuit breaker, e.g. {@code ft_circuitbreaker_opened_total}.
     */
    public double metric(String scope, String name, String tag) {
        var http = HttpClient.newHttpClient();
        try {
            var request = HttpRequest.newBuilder(base.resolve("/metrics?scope=" + scope))
                    .timeout(Duration.ofSeconds(30)).build();
            String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> line.substring(0, line.lastIndexOf(' ')).contains(tag))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("GET /metrics of " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, as a crash would: no shutdown hook of the server runs, open transactions are cut off. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** An orderly shutdown (SIGTERM), forced after a minute. */
    public void stop() {
        process.destroy();
        if (!waitForExit(Duration.ofMinutes(1))) {
            kill();
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                stop();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to remove
            }
            deleteRoot();
        }
    }

    /** The server's working copy of the domain and the exploded WAR; the log stays. */
    private void deleteRoot() {
        if (process.isAlive()) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    /** Returns once the API answers (deployment, schema and bootstrap done); fails if the server died first. */
    public MicroProcess awaitReady() {
        Api superadmin = api().asSuperadmin().timeout(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + " before it was ready; "
                        + "see " + log);
            }
            try {
                if (superadmin.get("api/users/" + Api.SUPERADMIN).send().status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // not listening yet
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Payara Micro did not answer within " + READY_WITHIN + "; see " + log);
    }

    private boolean waitForExit(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (failsafe passes it)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Payara Micro pid " + process.pid() + " at " + base + " (log " + log + ")";
    }
}
