package org.signalaudit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test wrote it. The JDK's HttpClient refuses
 * or normalises much of what a hostile client sends (invalid URIs, raw 8-bit or invalid UTF-8,
 * restricted headers, a 64 KB header), so the tests that need exactly those bytes on the wire use
 * this. One request per connection ({@code Connection: close}); a large body is written while
 * the answer is read, because the server may answer (413) and close before the body is sent.
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;

    private RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A client of the server at {@code base} (an http URL). */
    public static RawHttp to(URL base) {
        return new RawHttp(base.getHost(), base.getPort());
    }

    /** One request as bytes: the request line and headers (ISO-8859-1, so 8-bit stays raw) and a body. */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        public Request {
            headers = List.copyOf(headers);
        }

        byte[] head(String host, int port) {
            var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            head.append("Connection: close\r\n");
            for (Map.Entry<String, String> header : headers) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** What came back; status -1 when the server closed the connection without an answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body, String failure) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + headers.getOrDefault("content-type", "(no content type)") + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text)
                    + (failure == null ? "" : " [" + failure + "]");
        }
    }

    /** Sends raw bytes as they are (a malformed request line, say) and reads the answer. */
    public Reply sendBytes(byte[] bytes) {
        return exchange(bytes, null);
    }

    public Reply send(Request request) {
        return exchange(request.head(host, port), request.body());
    }

    private Reply exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            CompletableFuture<Void> sending = body == null || body.length == 0
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> writeQuietly(out, body));
            byte[] answer = readAll(socket.getInputStream());
            sending.cancel(true);
            return parse(answer);
        } catch (IOException e) {
            return new Reply(-1, Map.of(), new byte[0], e.toString());
        }
    }

    /** The server may stop reading once it has answered; the answer is what the test looks at. */
    private static void writeQuietly(OutputStream out, byte[] body) {
        try {
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected when the server refuses a body it will not read
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
            // a reset after the answer: the server closed without reading the whole body
        }
        return all.toByteArray();
    }

    private static Reply parse(byte[] answer) {
        int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Reply(-1, Map.of(), answer, "no complete HTTP answer (" + answer.length + " bytes)");
        }
        String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(answer, end + 4, answer.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        var body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = at + lineEnd + 2;
            body.write(chunked, start, Math.min(length, chunked.length - start));
            at = start + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Header lists in the order given: {@code headers("Accept", "application/json", ...)}. */
    public static List<Map.Entry<String, String>> headers(String... namesAndValues) {
        var headers = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }
}
