package org.signalaudit.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Payara Micro running this build's WAR on the benchmark database, as the README's run command
 * starts it; {@link #startupMillis()} is from process start to the first answered request.
 */
final class MicroServer implements AutoCloseable {

    static final String SUPERADMIN_PASSWORD = "bench-superadmin-password";

    private final Process process;
    private final Client client;
    private final long startupMillis;
    private final GcLog gcLog;

    private MicroServer(Process process, Client client, long startupMillis, GcLog gcLog) {
        this.process = process;
        this.client = client;
        this.startupMillis = startupMillis;
        this.gcLog = gcLog;
    }

    private static final AtomicBoolean RECORDED = new AtomicBoolean();

    static MicroServer start(Database db, boolean receiversEnabled) throws IOException, InterruptedException {
        return start(db, receiversEnabled, Map.of());
    }

    /** As {@link #start(Database, boolean)}, with more environment variables for the server (e.g. a syslog copy). */
    static MicroServer start(Database db, boolean receiversEnabled, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(db, receiversEnabled, List.of("--nocluster"), environment);
    }

    /**
     * Member {@code index} of a Payara Micro cluster on this machine, started with the options of
     * the README's "Running several instances": a TCP/IP member list of {@code gridPorts} on
     * 127.0.0.1, the cluster's name, and an outage spool of its own.
     */
    static MicroServer member(Database db, String clusterName, List<Integer> gridPorts, int index)
            throws IOException, InterruptedException {
        String members = String.join(",", gridPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        return start(db, true, List.of("--name", clusterName + "-" + index, "--clustername", clusterName,
                "--clustermode", "tcpip:" + members, "--startport", Integer.toString(gridPorts.get(index)),
                "--interfaces", "127.0.0.1", "--nohostaware"), Map.of());
    }

    private static MicroServer start(Database db, boolean receiversEnabled, List<String> clustering,
                                     Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("bench-micro-", ".log");
        // Every collection with the heap before and after it, at wall-clock time (GcLog): the
        // verify's peak heap is read from it.
        Path gc = Files.createTempFile("bench-micro-gc-", ".log");
        var arguments = new ArrayList<String>(List.of("java", "-Xlog:gc:file=" + gc + ":time"));
        String recording = System.getProperty("bench.jfr", "");
        if (receiversEnabled && !recording.isBlank() && !RECORDED.getAndSet(true)) {
            // A JFR profile of the first audited server, the one under the transition load
            // (-Dbench.jfr=<file>), written when it stops.
            // Stacks 512 frames deep: a request's stack in Payara is deeper than JFR's default 64,
            // and a cut stack cannot say which part of the request a sample belongs to.
            arguments.add("-XX:FlightRecorderOptions=stackdepth=512");
            arguments.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        arguments.addAll(List.of("-jar", System.getProperty("bench.micro"),
                "--deploy", System.getProperty("bench.war"), "--contextroot", "audit", "--port", Integer.toString(port)));
        arguments.addAll(clustering);
        var command = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = command.environment();
        env.put("AUDIT_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
        env.put("AUDIT_DB_URL", db.url());
        env.put("AUDIT_DB_USER", db.user);
        env.put("AUDIT_DB_PASSWORD", db.password);
        env.put("AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("AUDIT_SEAL_KEYSTORE", System.getProperty("bench.seal.keystore"));
        env.put("AUDIT_SEAL_KEYSTORE_PASSWORD", System.getProperty("bench.seal.keystore-password"));
        env.put("AUDIT_RECEIVERS_ENABLED", Boolean.toString(receiversEnabled));
        // An outage spool of its own: the benchmark runs several servers at once, and a spool
        // directory serves one instance.
        env.put("AUDIT_SPOOL_DIR", Files.createTempDirectory("bench-spool-").toString());
        env.putAll(environment);
        long started = System.nanoTime();
        Process process = command.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/audit/");
        long startup = awaitFirstAnswer(process, base, started, log.toFile());
        System.out.printf("Payara Micro (pid %d) on port %d ready in %d ms (receivers %s), log %s, GC log %s%n",
                process.pid(), port, startup, receiversEnabled ? "on" : "off", log, gc);
        return new MicroServer(process, new Client(base, "superadmin", SUPERADMIN_PASSWORD), startup, new GcLog(gc));
    }

    Client client() {
        return client;
    }

    long startupMillis() {
        return startupMillis;
    }

    GcLog gcLog() {
        return gcLog;
    }

    /**
     * A full collection of the server's heap now ({@code jcmd <pid> GC.run}, outside any timed
     * part): logged with the heap used before it and what is live after it. A failure costs only
     * the heap figures that need it (reported as NaN), not the run.
     */
    void collectGarbage() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        if (run.waitFor() != 0) {
            System.out.println("WARNING: jcmd GC.run failed, the heap figures of this step lack it:\n" + output);
        }
    }

    /**
     * CPU seconds the server's JIT compiler threads have used since it started, from
     * {@code /proc/<pid>/task/*} (Linux): the threads named "C1 CompilerThre…" and
     * "C2 CompilerThre…", user and system time. NaN where /proc cannot be read.
     */
    double compilerCpuSeconds() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException threadEnded) {
                    // a compiler thread that ended has nothing left to add
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Double.NaN;
        }
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** USER_HZ: 100 on every Linux the benchmark runs on ({@code getconf CLK_TCK}). */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static long awaitFirstAnswer(Process process, URI base, long started, File log)
            throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see " + log);
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro did not answer within 3 minutes; see " + log);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
