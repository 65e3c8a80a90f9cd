package org.signalaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's rsyslog as a receiver of the test's own: a child process ({@code rsyslogd -n}) with its
 * own configuration, PID file and work directory under the test's directory, listening with imtcp
 * (octet-counted framing) on a loopback port, and writing each message of APP-NAME
 * {@code signal-audit} as one line, {@code MSGID MSG}, to {@link #received()}. No system socket, no
 * kernel log: nothing of the machine's own logging is touched. {@link #stop()} is SIGTERM to this
 * process only; {@link #start()} again listens on the same port and appends to the same file.
 */
public final class Rsyslog implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/rsyslogd");

    private final Path directory;
    private final int port;
    private Process process;

    public Rsyslog(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.port = FreePorts.next();
    }

    public int port() {
        return port;
    }

    /** The file the receiver writes: one line per message. */
    public Path received() {
        return directory.resolve("received.log");
    }

    public Rsyslog start() {
        try {
            Files.createDirectories(directory.resolve("work"));
            Path config = directory.resolve("rsyslog.conf");
            Files.writeString(config, String.join("\n",
                    "global(workDirectory=\"" + directory.resolve("work") + "\" maxMessageSize=\"1m\")",
                    "module(load=\"imtcp\")",
                    "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\")",
                    "template(name=\"raw\" type=\"string\" string=\"%msgid% %msg%\\n\")",
                    "if $app-name == \"signal-audit\" then {",
                    "  action(type=\"omfile\" file=\"" + received() + "\" template=\"raw\")",
                    "}", ""));
            process = new ProcessBuilder(BINARY.toString(), "-n", "-f", config.toString(),
                    "-i", directory.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("rsyslogd.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY + " (apt-get install rsyslog)", e);
        }
        awaitListening();
        return this;
    }

    /** SIGTERM to this rsyslogd, waited for. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lines written so far. */
    public List<String> lines() {
        try {
            return Files.exists(received()) ? Files.readAllLines(received(), StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + "; see "
                        + directory.resolve("rsyslogd.out"));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("rsyslogd did not listen on " + port + " within 20 s");
    }


    @Override
    public String toString() {
        return "rsyslogd on 127.0.0.1:" + port + (process == null ? "" : " pid " + process.pid()) + " writing " + received();
    }
}
