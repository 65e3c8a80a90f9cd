package org.signalaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
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
 * should the test JVM end first.
 */
public final class MicroProcess implements AutoCloseable {

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
        Path directory = log.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            int httpPort = port == 0 ? freePort() : port;
            Path root = Files.createTempDirectory(directory, "micro-root-");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(systemProperties(databaseUrl));
            command.addAll(moreProperties);
            command.addAll(List.of("-jar", required("payara.micro.jar"), "--deploy", required("audit.war"),
                    "--contextroot", "audit", "--port", Integer.toString(httpPort), "--nocluster",
                    "--rootdir", root.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var server = new MicroProcess(process, URI.create("http://127.0.0.1:" + httpPort + "/audit/"), log, root);
            try {
                server.awaitReady();
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro in " + directory, e);
        }
    }

    /** The same options as arquillian.xml's {@code cmdOptions}, on another database. */
    private static List<String> systemProperties(String databaseUrl) {
        return List.of(
                "-Daudit.db.datasource=org.postgresql.ds.PGSimpleDataSource",
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
        var http = HttpClient.newHttpClient();
        try {
            var request = HttpRequest.newBuilder(base.resolve("/metrics?scope=application"))
                    .timeout(Duration.ofSeconds(30)).build();
            String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
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

    private void awaitReady() {
        Api superadmin = api().asSuperadmin().timeout(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + " before it was ready; "
                        + "see " + log);
            }
            try {
                if (superadmin.get("api/users/" + Api.SUPERADMIN).send().status() == 200) {
                    return;
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

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
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
