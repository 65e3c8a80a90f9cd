package org.signalaudit.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A small black-box client of the API: the JDK's HttpClient, HTTP Basic, JSON through JSON-P.
 * Immutable: {@link #as} and {@link #anonymous} return another client on the same base URL.
 */
public final class Api {

    /** The bootstrap SUPERADMIN; every test server gets this password ({@link MicroProcess#systemProperties}). */
    public static final String SUPERADMIN = "superadmin";
    public static final String SUPERADMIN_PASSWORD = "superadmin-test-password";
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;

    private Api(HttpClient http, URI base, String authorization, Duration timeout) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** An anonymous client of the application deployed at {@code base} (ending in the context root). */
    public static Api at(URL base) {
        try {
            URI uri = base.toURI();
            URI withSlash = uri.getPath().endsWith("/") ? uri : new URI(uri + "/");
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            return new Api(http, withSlash, null, TIMEOUT);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    public Api as(String username, String password) {
        String pair = username + ":" + password;
        return new Api(http, base, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                timeout);
    }

    public Api asSuperadmin() {
        return as(SUPERADMIN, SUPERADMIN_PASSWORD);
    }

    public Api anonymous() {
        return new Api(http, base, null, timeout);
    }

    /** The same client, giving up on an answer after {@code timeout} (60 s unless told). */
    public Api timeout(Duration timeout) {
        return new Api(http, base, authorization, timeout);
    }

    public URI base() {
        return base;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    /** A request id in the shape the API keeps ({@code [A-Za-z0-9._:-]{8,64}}), unique per call. */
    public static String newRequestId() {
        return "it-" + UUID.randomUUID();
    }

    /** A JSON object from name/value pairs: {@code json("event", "LOCK", "reason", "test")}. */
    public static JsonObject json(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.build();
    }

    /**
     * The addresses under which the server can see this client: it connects from the machine it
     * runs on, to the host of the base URL, so the source address is loopback or that host's.
     */
    public Set<String> clientAddresses() {
        Set<String> addresses = new HashSet<>(Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1"));
        try {
            for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
                addresses.add(address.getHostAddress());
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The base URL's host does not resolve: " + base, e);
        }
        return addresses;
    }

    /** One request under construction. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private boolean asWritten;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call requestId(String requestId) {
            return header(REQUEST_ID, requestId);
        }

        public Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        public Call json(JsonObject json) {
            return body(json.toString());
        }

        /** A body sent as application/json whatever it contains (to send malformed JSON, too). */
        public Call body(String raw) {
            this.body = raw;
            return this;
        }

        /**
         * Sends the path exactly as written: resolving it against the base URL would remove dot
         * segments such as {@code /../}, which a hostile client sends as they are.
         */
        public Call asWritten() {
            this.asWritten = true;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(asWritten ? URI.create(base + path) : base.resolve(path))
                    .timeout(timeout)
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            try {
                var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted during " + method + " " + path, e);
            }
        }
    }

    /** What came back: status, headers and the body as text, parsed on demand. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
