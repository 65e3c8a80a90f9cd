package org.signalaudit.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The resources of a reliability test, as a JUnit 5 extension ({@code @RegisterExtension}): its
 * directory under {@code target/reliability/<test class>}, its own database (recreated empty,
 * dropped again if the test passed, kept for a look if it failed), the servers and PostgreSQL
 * clusters it starts (always stopped, in reverse order). A failing test's error names the
 * server logs and the database it leaves behind; the summary of a run is printed and kept in
 * {@code summary.txt} beside them.
 */
public final class ReliabilityRun implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        TestWatcher {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final List<ScratchDatabase> databases = new ArrayList<>();
    private final List<String> artifacts = new ArrayList<>();
    private Path directory;
    private int servers;

    @Override
    public void beforeEach(ExtensionContext context) {
        directory = Path.of(System.getProperty("reliability.dir", "target/reliability"))
                .resolve(context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        try {
            if (Files.exists(directory)) { // what the previous run left
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The test's database on the server the other tests use, recreated empty. */
    public ScratchDatabase database(String name) {
        return database(ScratchDatabase.onTestServer(name));
    }

    /** {@code database} recreated empty; dropped after the test if it passes. */
    public ScratchDatabase database(ScratchDatabase database) {
        database.recreate();
        databases.add(database);
        artifacts.add("database " + database.url() + " (kept)");
        return database;
    }

    /** A database of the test's own cluster, which goes with the cluster. */
    public ScratchDatabase database(PrivateCluster cluster, String name) {
        return cluster.database(name).recreate();
    }

    /** This build's Payara Micro on {@code database} ({@code port} 0: a free one), stopped after the test. */
    public MicroProcess server(ScratchDatabase database, int port) {
        return server(database, port, List.of());
    }

    /** This build's Payara Micro on {@code database} with more system properties ({@code -D...}), stopped after the test. */
    public MicroProcess server(ScratchDatabase database, int port, List<String> moreProperties) {
        var properties = new ArrayList<>(MicroProcess.systemProperties(database.url()));
        properties.addAll(moreProperties);
        return server(properties, port);
    }

    /** This build's Payara Micro with exactly these system properties ({@code -D...}), stopped after the test. */
    public MicroProcess server(List<String> properties) {
        return server(properties, 0);
    }

    private MicroProcess server(List<String> properties, int port) {
        MicroProcess server = MicroProcess.start(properties, Map.of(), port,
                directory.resolve("payara-micro-" + ++servers + ".log"));
        open.push(server);
        artifacts.add("server log " + server.log());
        System.out.println("Started " + server);
        return server;
    }

    /**
     * {@code size} instances of this build's Payara Micro clustered on 127.0.0.1 ({@link MicroCluster})
     * on {@code database}, with more system properties; stopped after the test.
     */
    public MicroCluster instances(ScratchDatabase database, int size, List<String> moreProperties) {
        var properties = new ArrayList<>(MicroProcess.systemProperties(database.url()));
        properties.addAll(moreProperties);
        MicroCluster cluster = MicroCluster.start(properties, directory, size);
        open.push(cluster);
        artifacts.add("server logs " + directory + "/member-*.log");
        return cluster;
    }

    /**
     * This build's Payara Micro configured by {@code environment} alone, as
     * {@code java -jar payara-micro.jar --deploy audit.war} is: not awaited, for a start that must fail.
     */
    public MicroProcess launch(Map<String, String> environment) {
        MicroProcess server = MicroProcess.launch(environment, directory.resolve("payara-micro-" + ++servers + ".log"));
        open.push(server);
        artifacts.add("server log " + server.log());
        return server;
    }

    /** A PostgreSQL cluster of the test's own, deleted after the test. */
    public PrivateCluster cluster() {
        PrivateCluster cluster = PrivateCluster.create(directory.resolve("postgresql"));
        open.push(cluster);
        artifacts.add("PostgreSQL log " + cluster.log() + " (its data is deleted)");
        System.out.println("Started " + cluster);
        return cluster;
    }

    /** Prints the run's summary (to the test's output) and adds it to {@code summary.txt}. */
    public void report(String summary) {
        System.out.println(summary);
        try {
            Files.writeString(directory.resolve("summary.txt"), summary + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<Throwable> failure = context.getExecutionException();
        if (failure.isPresent() && !artifacts.isEmpty()) {
            failure.get().addSuppressed(new AssertionError("Left for a look: " + String.join("; ", artifacts)));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        databases.forEach(ScratchDatabase::drop);
    }
}
