package org.signalaudit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Plays a reverse proxy: sends one HTTP/1.1 request from a chosen loopback address (the JDK's
 * HttpClient cannot pick its source address), so a test can be a trusted proxy (127.0.0.2 in
 * {@link MicroProcess#systemProperties} and arquillian.xml) or not, with the forwarding headers it likes.
 */
public final class ProxiedClient {

    private ProxiedClient() {
    }

    /** @return the status code of a GET sent from {@code source} with the given extra header lines */
    public static int get(Api api, String source, String path, String username, String password, String... headerLines) {
        var target = api.base();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", target.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            var request = new StringBuilder()
                    .append("GET ").append(target.resolve(path).getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(target.getPort()).append("\r\n")
                    .append("Authorization: Basic ").append(Base64.getEncoder()
                            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n")
                    .append("Connection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            return statusOf(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statusOf(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        // "HTTP/1.1 200 OK"
        return Integer.parseInt(all.substring(9, 12));
    }
}
