package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.Endpoints;

/**
 * The OpenAPI document Payara builds from the resources ({@code /openapi}, outside the context
 * root) is served from the very first call, which failed with a 500 before the request-body
 * records declared their constructors; it has its title, description and HTTP Basic security
 * scheme, and names every resource method of the build (read from the classes, so a new endpoint
 * is covered without touching this test). Not checked yet: error responses, schemas, examples.
 */
class OpenApiIT extends ApplicationIT {

    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void theDocumentIsServedFromTheFirstCallAndNamesEveryResourceMethod() throws Exception {
        URI openapi = base.toURI().resolve("/openapi?format=JSON");
        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(openapi)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).as("the first GET /openapi: %s", first.body()).isEqualTo(200);
        JsonObject document = Json.createReader(new StringReader(first.body())).readObject();
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Signal Audit API");
        assertThat(document.getJsonObject("info").getString("description")).contains("problem+json");
        JsonObject basic = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("basic");
        assertThat(basic.getString("type")).isEqualTo("http");
        assertThat(basic.getString("scheme")).isEqualTo("basic");
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(VERBS::contains)
                .forEach(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + template(path))));
        Set<String> declared = Endpoints.resourceMethods().stream().map(OpenApiIT::template)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("operations of the OpenAPI document").containsAll(declared);
    }

    /** {@code {name: regex}} as {@code {name}}, without a trailing slash. */
    private static String template(String path) {
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
    }
}
