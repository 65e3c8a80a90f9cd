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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the admin screens without a browser: keeps the session cookie, does
 * not follow redirects (the tests look at them), and sends the screens' Faces forms as a browser
 * would, with their hidden fields (the view state among them).
 */
public final class AdminSession {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input\\b[^>]*\\btype=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");

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

    /** Opens the sign-in page and sends its form; the POST carries {@code requestId}. */
    public Api.Response signIn(String username, String password, String requestId) {
        Map<String, String> fields = form("admin/signin", "signin");
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        return submit(fields, "signin:go", requestId);
    }

    /** Opens the dashboard and presses its sign-out button; the POST carries {@code requestId}. */
    public Api.Response signOut(String requestId) {
        return submit(form("admin/", "signout"), "signout:go", requestId);
    }

    /** Posts form fields as they are, e.g. a forged form that no page of the application rendered. */
    public Api.Response post(String path, Map<String, String> fields, String requestId) {
        var form = new LinkedHashMap<String, String>(fields);
        form.put("", path);
        return submit(form, null, requestId);
    }

    public Api.Response get(String path, String requestId) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), requestId);
    }

    /**
     * The hidden fields of a form of the page at {@code path} (its view state among them), kept
     * to be sent later with {@link #ajax}: when they are sent, the page need not answer any more.
     */
    public Map<String, String> formOf(String path, String formId) {
        return form(path, formId);
    }

    /** Sends {@code form} as PrimeFaces sends a click on its component {@code source}: a Faces ajax request. */
    public Api.Response ajax(Map<String, String> form, String source, String requestId) {
        var fields = new LinkedHashMap<>(form);
        String action = fields.remove("");
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", source);
        fields.put("jakarta.faces.partial.execute", source);
        fields.put(source, source);
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .POST(BodyPublishers.ofString(body)), requestId);
    }

    /** Like {@link #get}, with the path exactly as written, dot segments and all (see {@link Api.Call#asWritten}). */
    public Api.Response getAsWritten(String path, String requestId) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), requestId);
    }

    /**
     * The address of the link whose element has the id {@code id} on the page at {@code path}, as
     * the application rendered it (with any token Faces put in it), or empty when the page shows
     * no such link.
     */
    public Optional<String> link(String path, String id) {
        Api.Response page = get(path, Api.newRequestId());
        if (page.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.status() + ", not the page with link " + id);
        }
        int element = page.body().indexOf("id=\"" + id + "\"");
        if (element < 0) {
            return Optional.empty();
        }
        Matcher href = HREF.matcher(page.body());
        return href.find(element) ? Optional.of(unescape(href.group(1))) : Optional.empty();
    }

    /** The hidden fields of a form of the page at {@code path}, and its action under {@code ""}. */
    private Map<String, String> form(String path, String formId) {
        Api.Response page = get(path, Api.newRequestId());
        if (page.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.status() + ", not the page with form " + formId);
        }
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (!form.group(1).equals(formId)) {
                continue;
            }
            var fields = new LinkedHashMap<String, String>();
            Matcher action = ACTION.matcher(form.group(0));
            fields.put("", action.find() ? unescape(action.group(1)) : path);
            Matcher hidden = HIDDEN.matcher(form.group(2));
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find()) {
                    fields.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
                }
            }
            return fields;
        }
        throw new AssertionError("No form " + formId + " on " + path + ": " + page.body());
    }

    /** Sends a form as its submit button {@code button} (if any) would. */
    private Api.Response submit(Map<String, String> fields, String button, String requestId) {
        String action = fields.remove("");
        if (button != null) {
            fields.put(button, "");
        }
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body)), requestId);
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

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
