package org.signalaudit.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, for the test that stops and restarts the database: the
 * machine's server on 5432 is shared with the other tests (and other people), so it is never
 * touched. {@code initdb} into a fresh directory, trust authentication, listening on 127.0.0.1
 * only on a free port, no Unix socket; {@link #stop()} and {@link #start()} keep the directory and
 * the port, so the application finds the same server again; {@link #close()} stops it for good
 * and deletes its files (the server's log stays, next to them).
 *
 * <p>The binaries are Debian's ({@code /usr/lib/postgresql/<newest>/bin}, or
 * {@code -Daudit.test.pg.bindir=}). PostgreSQL refuses to run as root, so as root (as on CI) every
 * command runs as the {@code postgres} user through {@code runuser}, on a directory it owns.
 * {@code fsync} is off: the test stops the server cleanly or kills processes, it never crashes
 * the machine, and the shared disk is spared.
 */
public final class PrivateCluster implements AutoCloseable {

    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "postgres";

    private final Path bin;
    private final Path home;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asRoot;
    private boolean running;

    private PrivateCluster(Path bin, Path home, int port, boolean asRoot) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.log = home.getParent().resolve(home.getFileName() + ".log");
        this.port = port;
        this.asRoot = asRoot;
    }

    /** A new, running server in {@code home} (deleted first if a previous run left it) with the application's role. */
    public static PrivateCluster create(Path home) {
        boolean asRoot = "0".equals(output(List.of("id", "-u")).trim());
        var cluster = new PrivateCluster(binaries(), home.toAbsolutePath(), FreePorts.next(), asRoot);
        cluster.initialise();
        try {
            cluster.start();
            String user = System.getProperty("audit.test.db.user", "signal_audit");
            String password = System.getProperty("audit.test.db.password", "signal_audit");
            new ScratchDatabase("127.0.0.1", cluster.port, "postgres").execute(
                    "CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The server's own log (PostgreSQL's messages, start-ups and shutdowns). */
    public Path log() {
        return log;
    }

    /** A database of this server, for the application. */
    public ScratchDatabase database(String name) {
        return new ScratchDatabase(host(), port, name);
    }

    /** Starts the server (again) on the same directory and port; returns once it accepts connections. */
    public void start() {
        pgCtl("-l", log.toString(), "-w", "-t", "120", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", "start");
        running = true;
    }

    /** {@code pg_ctl stop -m fast}: open sessions are ended, in-flight transactions roll back. */
    public void stop() {
        pgCtl("-m", "fast", "-w", "-t", "120", "stop");
        running = false;
    }

    @Override
    public void close() {
        try {
            if (running) {
                pgCtl("-m", "immediate", "-w", "-t", "60", "stop");
                running = false;
            }
        } finally {
            delete(home);
        }
    }

    private void initialise() {
        try {
            delete(home);
            Files.createDirectories(home);
            if (asRoot) {
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                Files.setOwner(home, postgres);
                Files.deleteIfExists(log);
                Files.createFile(log);
                Files.setOwner(log, postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
        run(command("initdb", "-D", data.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C",
                "--no-sync"));
    }

    private void pgCtl(String... arguments) {
        var command = new ArrayList<>(List.of("pg_ctl", "-D", data.toString()));
        command.addAll(Arrays.asList(arguments));
        run(command(command.toArray(String[]::new)));
    }

    /** The command line of a PostgreSQL binary, as the {@code postgres} user when we are root. */
    private List<String> command(String... binaryAndArguments) {
        var command = new ArrayList<String>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(binaryAndArguments[0]).toString());
        command.addAll(Arrays.asList(binaryAndArguments).subList(1, binaryAndArguments.length));
        return command;
    }

    private static void run(List<String> command) {
        output(command);
    }

    /** Runs a command to its end (at most three minutes) and returns what it printed; fails unless it exits with 0. */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(new File("/")).start();
            // Read before waiting: a full pipe would block the command.
            byte[] printed = process.getInputStream().readAllBytes();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 3 minutes");
            }
            String output = new String(printed, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code -Daudit.test.pg.bindir}, else the newest of Debian's {@code /usr/lib/postgresql/<version>/bin}. */
    private static Path binaries() {
        String configured = System.getProperty("audit.test.pg.bindir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                    .max(Comparator.comparing(dir -> versionOf(dir.getParent())));
            return newest.orElseThrow(() -> new IllegalStateException("No initdb under /usr/lib/postgresql/*/bin; "
                    + "name the directory of initdb and pg_ctl with -Daudit.test.pg.bindir="));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL binaries in /usr/lib/postgresql; name the directory of "
                    + "initdb and pg_ctl with -Daudit.test.pg.bindir=", e);
        }
    }

    private static int versionOf(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }


    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL at 127.0.0.1:" + port + " in " + home + " (log " + log + ")";
    }
}
