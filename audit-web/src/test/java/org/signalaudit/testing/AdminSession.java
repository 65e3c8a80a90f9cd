package org.signalaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser-like client of the admin screens: keeps the session cookie, does not follow
 * redirects (the tests look at them), posts forms.
 */
public final class AdminSession {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public AdminSession(Api api) {
        this.base = api.base();
    }

    public Api.Response signIn(String username, String password, String requestId) {
        return post("admin/signin", "username=" + encode(username) + "&password=" + encode(password), requestId);
    }

    public Api.Response signOut(String requestId) {
        return post("admin/signout", "", requestId);
    }

    public Api.Response get(String path, String requestId) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), requestId);
    }

    private Api.Response post(String path, String form, String requestId) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)), requestId);
    }

    private Api.Response send(HttpRequest.Builder request, String requestId) {
        request.timeout(Duration.ofSeconds(60)).header(Api.REQUEST_ID, requestId);
        try {
            var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
