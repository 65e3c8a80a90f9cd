package org.signalaudit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code -Dbench.scenario=forwarder}: the syslog copy's lag under the transition load (32 clients).
 * The receiver is a TCP sink in this process that reads and discards (the forwarder's own cost is
 * measured, not a receiver's disk); every 100 ms the distance in leaves between the tree's size and
 * the forwarder's cursor is sampled from the database. Reported: its median, p99 and maximum during
 * the load, and the time from the load's end until the cursor reaches the tree.
 */
final class ForwarderLag {

    private ForwarderLag() {
    }

    static void report(Report report, Database db, Duration perLevel) throws Exception {
        try (var sink = new Sink()) {
            Map<String, String> syslog = Map.of("AUDIT_SYSLOG_HOST", "127.0.0.1",
                    "AUDIT_SYSLOG_PORT", Integer.toString(sink.port()));
            try (var server = MicroServer.start(db, true, syslog); Connection connection = db.connect();
                 PreparedStatement behind = connection.prepareStatement("SELECT coalesce((SELECT max(leaf_index) + 1 "
                         + "FROM audit_leaf), 0) - coalesce((SELECT max(next_leaf) FROM audit_forward_cursor), 0)")) {
                int clients = Benchmark.CLIENTS[Benchmark.CLIENTS.length - 1];
                List<String> names = new BenchAccounts(server.client()).activeUsers(clients);
                TransitionLoad.warmUp(server.client(), names.get(0));
                List<Long> samples = new ArrayList<>();
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicLong failures = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            samples.add(leavesBehind(behind));
                            Thread.sleep(Benchmark.LAG_SAMPLING.toMillis());
                        } catch (SQLException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                var load = TransitionLoad.run(server.client(), names, perLevel);
                loading.set(false);
                sampler.join();
                long caughtUpFrom = System.nanoTime();
                long deadline = caughtUpFrom + Duration.ofMinutes(5).toNanos();
                while (leavesBehind(behind) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                double catchUp = leavesBehind(behind) > 0 ? Double.NaN : (System.nanoTime() - caughtUpFrom) / 1e6;
                long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
                String during = clients + " clients, " + perLevel.toSeconds() + " s at " + Math.round(load.perSecond())
                        + " transitions/s, sampled every " + Benchmark.LAG_SAMPLING.toMillis() + " ms";
                report.add("syslog copy: leaves not yet forwarded", "median, " + during, percentile(sorted, 50), "leaves");
                report.add("syslog copy: leaves not yet forwarded", "p99", percentile(sorted, 99), "leaves");
                report.add("syslog copy: leaves not yet forwarded", "max", sorted.length == 0 ? Double.NaN
                        : sorted[sorted.length - 1], "leaves");
                report.add("syslog copy", "from the load's end until every leaf is forwarded", catchUp, "ms");
                report.add("syslog copy", "bytes the receiver read", sink.bytes(), "bytes");
            }
        }
    }

    private static long leavesBehind(PreparedStatement behind) throws SQLException {
        try (ResultSet result = behind.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** A syslog receiver that reads everything and keeps nothing but the count of bytes. */
    private static final class Sink implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicLong bytes = new AtomicLong();
        private final Thread acceptor = new Thread(this::accept, "syslog-sink");

        Sink() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        long bytes() {
            return bytes.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread reader = new Thread(() -> drain(client), "syslog-sink-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void drain(Socket client) {
            byte[] buffer = new byte[65536];
            try (client; InputStream in = client.getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    bytes.addAndGet(read);
                }
            } catch (IOException e) {
                // the server went away: the count so far stands
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
