package org.signalaudit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One address in front of several servers, as a load balancer in failover mode is: every
 * connection a client opens to it is carried, byte for byte, to the first server of the list that
 * accepts a connection. While the first server lives, everything goes to it; once it is dead (a
 * killed process's port refuses at once), to the next. A connection under way when its server dies
 * is closed, as a balancer closes it; the client opens another, which reaches a survivor. It reads
 * nothing of HTTP: no header added, none changed, so the servers see the client as the balancer's
 * own address and the browser sees one origin, one cookie jar, whatever server answers.
 */
public final class FailoverProxy implements AutoCloseable {

    private final List<MicroProcess> servers;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "failover-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicIntegerArray connections;

    private FailoverProxy(List<MicroProcess> servers) throws IOException {
        this.servers = List.copyOf(servers);
        this.connections = new AtomicIntegerArray(servers.size());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy on a free port of the loopback address in front of {@code servers}, in this order of preference. */
    public static FailoverProxy before(List<MicroProcess> servers) {
        try {
            return new FailoverProxy(servers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's base URL through the proxy: {@code http://127.0.0.1:<port>/audit/}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + servers.get(0).base().getPath());
    }

    /** How many client connections went to server {@code index} so far. */
    public int connectionsTo(int index) {
        return connections.get(index);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                threads.execute(() -> carry(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Connects the client to the first server that accepts, then copies both ways until either side ends. */
    private void carry(Socket client) {
        Socket server = null;
        for (int i = 0; i < servers.size() && server == null; i++) {
            server = connect(servers.get(i).port());
            if (server != null) {
                connections.incrementAndGet(i);
            }
        }
        if (server == null) {
            close(client); // no server at all: the client sees its connection closed, as it would behind a balancer
            return;
        }
        open.add(server);
        Socket upstream = server;
        threads.execute(() -> copy(upstream, client));
        copy(client, upstream);
    }

    private static Socket connect(int port) {
        var socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return socket;
        } catch (IOException refused) {
            close(socket);
            return null;
        }
    }

    /** Copies until {@code from} ends or fails, then closes both: a half-dead pair is of no use to anyone. */
    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away (a killed server, a browser closing its connection)
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to close
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException alreadyClosed) {
            // nothing left to close
        }
        open.forEach(FailoverProxy::close);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "failover proxy at " + base() + " in front of " + servers;
    }
}
