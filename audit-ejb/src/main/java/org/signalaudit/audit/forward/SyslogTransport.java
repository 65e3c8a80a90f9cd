package org.signalaudit.audit.forward;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends a batch of syslog messages over TCP, octet-counted (RFC 6587 §3.4.1: {@code length SP
 * message}, which RFC 5425 uses over TLS too), and returns only once the receiver has read all of it.
 *
 * <p>Why not a library: plain syslog over TCP has no acknowledgement, and the maintained Java client
 * (jenkinsci/syslog-java-client, {@code TcpSyslogMessageSender}) returns when its bytes are in the
 * local socket buffer, keeps the connection open and, on an error, resends on a new one. Bytes a
 * receiver had not read when it went down are then lost while the sender believed them sent, and
 * the forwarder's cursor would pass them. Here each batch has a connection of its own, ended by
 * closing our side: the receiver closes its side only once it has read up to our end of stream
 * (rsyslog's imtcp does), so reading that close is the evidence that every byte before it was read.
 * A batch that is not confirmed this way fails and is sent again, whole. With TLS 1.3 the close is
 * the same (a close_notify, then the receiver's); TLS 1.2 has no half-close, so there the batch
 * counts as sent once it is flushed and the connection closed, which is weaker.
 *
 * <p>TLS checks the receiver's certificate against the JVM's trust store ({@code
 * javax.net.ssl.trustStore} to use another) and its name against {@code host}.
 */
final class SyslogTransport {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** How long the receiver may take to read a batch and close: far above rsyslog's milliseconds. */
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private final SyslogDestination destination;

    SyslogTransport(SyslogDestination destination) {
        this.destination = destination;
    }

    /** Sends the messages in order and waits until the receiver has read them; any doubt is an IOException. */
    void deliver(List<byte[]> messages) throws IOException {
        SocketFactory factory = destination.tls() ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
        try (Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(destination.host(), destination.port()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (socket instanceof SSLSocket tls) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                tls.setSSLParameters(parameters);
                tls.startHandshake();
            }
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            for (byte[] message : messages) {
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            }
            out.flush();
            if (socket instanceof SSLSocket tls && !"TLSv1.3".equals(tls.getSession().getProtocol())) {
                return;
            }
            socket.shutdownOutput();
            awaitClose(socket.getInputStream());
        }
    }

    /** A syslog receiver sends nothing back: whatever comes is read and dropped until its end of stream. */
    private static void awaitClose(InputStream in) throws IOException {
        byte[] ignored = new byte[512];
        while (in.read(ignored) != -1) {
            // the receiver has not closed yet
        }
    }
}
