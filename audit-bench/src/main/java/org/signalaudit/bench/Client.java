package org.signalaudit.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** An HTTP client of the API, one per load thread (each keeps its own connection). */
final class Client {

    record Answer(int status, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Client(URI base, String username, String password) {
        this(base, "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Client(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** Another client on the same server and credentials, with a connection of its own. */
    Client fork() {
        return new Client(base, authorization);
    }

    Client as(String username, String password) {
        return new Client(base, username, password);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A GET that may take longer than the usual minute (the verify of a large log). */
    Answer get(String path, Duration timeout) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), true, timeout);
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postAnonymously(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), false, TIMEOUT);
    }

    /** Reads a (long) answer as it streams and counts its lines; nothing of it is kept. */
    long lines(String path) {
        var request = HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofMinutes(30))
                .header("Authorization", authorization).build();
        try {
            var answer = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
            }
            try (var lines = answer.body()) {
                return lines.count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A base metric of the server ({@code /metrics?scope=base}, outside the context root). */
    double baseMetric(String name) {
        return metric("base", name);
    }

    /** A metric of the server in {@code scope} ({@code base}, {@code application}); NaN when it has none. */
    double metric(String scope, String name) {
        var request = HttpRequest.newBuilder(base.resolve("/metrics?scope=" + scope)).GET()
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body().lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        return send(request, true, TIMEOUT);
    }

    private Answer send(HttpRequest.Builder request, boolean authenticated, Duration timeout) {
        request.timeout(timeout);
        if (authenticated) {
            request.header("Authorization", authorization);
        }
        try {
            var answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
