package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.Endpoints;

/**
 * The OpenAPI document Payara builds from the resources ({@code /openapi}, outside the context
 * root), read by a real OpenAPI parser (swagger-parser) that validates it: served from the very
 * first call (it failed with a 500 before the request-body records declared their constructors),
 * without a single validation message, every reference resolving. Every resource method of the
 * build (read from the classes, so a new endpoint is covered without touching this test) is an
 * operation with every query parameter it binds (its own and its {@code @BeanParam} classes'), a
 * summary, a description, the role it needs (in {@code x-required-role} and in
 * the description), HTTP Basic unless it needs no role, a documented success, and its error
 * responses as {@code application/problem+json} with the {@code Problem} schema: 400, 500 and 503
 * everywhere, 401 where a role is needed, 403 where the role is above USER, 404 where the path
 * names something, 413 and 415 where there is a body. The main request bodies carry examples.
 * And the browsable UI under the context root is served with its script and style.
 */
class OpenApiIT extends ApplicationIT {

    private static final Set<String> ROLES = Set.of("anyone", "USER", "ADMIN", "SUPERADMIN");
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDocumentIsValidFromTheFirstCallAndDocumentsEveryResourceMethod() throws Exception {
        HttpResponse<String> first = get(base.toURI().resolve("/openapi?format=JSON"), "application/json");
        assertThat(first.statusCode()).as("the first GET /openapi: %s", first.body()).isEqualTo(200);

        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(first.body(), null, options);
        assertThat(parsed.getMessages()).as("the parser's validation messages").isEmpty();
        OpenAPI document = parsed.getOpenAPI();

        assertThat(document.getInfo().getTitle()).isEqualTo("Signal Audit API");
        assertThat(document.getInfo().getVersion()).isNotBlank();
        assertThat(document.getInfo().getDescription()).contains("problem+json");
        SecurityScheme basic = document.getComponents().getSecuritySchemes().get("basic");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        assertThat(document.getSecurity()).as("the document's default security")
                .anySatisfy(requirement -> assertThat(requirement).containsKey("basic"));
        Set<String> schemas = document.getComponents().getSchemas().keySet();
        Set<String> referenced = new TreeSet<>();
        for (Matcher ref = REF.matcher(first.body()); ref.find(); ) {
            referenced.add(ref.group(1));
        }
        assertThat(schemas).as("the schemas every $ref names").containsAll(referenced);
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getDescription()).contains("RFC 9457");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "requestId");
        for (String body : List.of("InviteUser", "RequestTransition", "OverrideState", "CreateGroup", "ChangeGroup")) {
            assertThat(document.getComponents().getSchemas().get(body).getExample()).as("the example of %s", body)
                    .isNotNull();
        }

        Map<String, Operation> operations = operations(document);
        Set<String> declared = Endpoints.resourceMethods().stream().map(OpenApiIT::template)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(operations.keySet()).as("operations of the OpenAPI document").containsAll(declared);
        Map<String, Set<String>> queryParameters = Endpoints.queryParameters().entrySet().stream()
                .collect(Collectors.toMap(entry -> template(entry.getKey()), Map.Entry::getValue));
        List<Executable> checks = new ArrayList<>();
        for (String endpoint : declared) {
            checks.add(() -> documented(endpoint, operations.get(endpoint)));
            checks.add(() -> assertThat(operations.get(endpoint).getParameters() == null ? Set.of()
                    : operations.get(endpoint).getParameters().stream().filter(parameter -> "query".equals(parameter.getIn()))
                            .map(parameter -> parameter.getName()).collect(Collectors.toSet()))
                    .as("%s: query parameters", endpoint)
                    .containsExactlyInAnyOrderElementsOf(queryParameters.get(endpoint)));
        }
        assertAll(checks);
    }

    @Test
    void theBrowsableUiIsServedUnderTheContextRoot() throws Exception {
        HttpResponse<String> page = get(base.toURI().resolve("api-docs/"), "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("api-docs.js");

        List<String> assets = new ArrayList<>();
        for (Matcher asset = ASSET.matcher(page.body()); asset.find(); ) {
            assets.add(asset.group(1));
        }
        assertThat(assets).hasSize(3);
        for (String asset : assets) {
            HttpResponse<String> file = get(base.toURI().resolve("api-docs/").resolve(asset), "*/*");
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(asset).get().asString()
                    .matches(asset.endsWith(".css") ? "text/css.*" : "(application|text)/javascript.*");
        }
        HttpResponse<String> script = get(base.toURI().resolve("api-docs/api-docs.js"), "*/*");
        assertThat(script.body()).as("the UI loads the application's document").contains("\"/openapi");
    }

    private static void documented(String endpoint, Operation operation) {
        String role = operation.getExtensions() == null ? null : (String) operation.getExtensions().get("x-required-role");
        assertThat(operation.getSummary()).as("%s: summary", endpoint).isNotBlank();
        assertThat(operation.getDescription()).as("%s: description", endpoint).isNotBlank();
        assertThat(role).as("%s: x-required-role", endpoint).isIn(ROLES);
        if (role.equals("anyone")) {
            assertThat(operation.getSecurity()).as("%s: security: none needed", endpoint)
                    .isNotNull().allSatisfy(requirement -> assertThat(requirement).isEmpty());
            assertThat(operation.getDescription()).contains("Needs no credentials");
        } else {
            assertThat(operation.getSecurity()).as("%s: security (the document's default: basic)", endpoint).isNull();
            assertThat(operation.getDescription()).as("%s: description", endpoint).contains("the role " + role);
        }

        Map<String, ApiResponse> responses = operation.getResponses();
        assertThat(responses.keySet()).as("%s: a success", endpoint).anyMatch(code -> code.startsWith("2"));
        responses.forEach((code, response) -> {
            if (code.startsWith("2") && !code.equals("204")) {
                assertThat(response.getContent()).as("%s %s: content", endpoint, code).isNotEmpty();
                response.getContent().forEach((type, media) -> assertThat(media.getSchema())
                        .as("%s %s %s: schema", endpoint, code, type).isNotNull());
            }
        });
        Set<String> errors = new TreeSet<>(List.of("400", "500", "503"));
        if (!role.equals("anyone")) {
            errors.add("401");
        }
        if (role.equals("ADMIN") || role.equals("SUPERADMIN")) {
            errors.add("403");
        }
        if (endpoint.matches(".*\\{(username|name|requestId)}.*")) {
            errors.add("404");
        }
        if (operation.getRequestBody() != null) {
            errors.add("413");
            errors.add("415");
        }
        assertThat(responses.keySet()).as("%s: error responses", endpoint).containsAll(errors);
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                assertThat(response.getDescription()).as("%s %s: description", endpoint, code).isNotBlank();
                MediaType problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
                assertThat(problem).as("%s %s: application/problem+json", endpoint, code).isNotNull();
                assertThat(problem.getSchema().get$ref()).as("%s %s: schema", endpoint, code).isEqualTo(PROBLEM);
            }
        });
    }

    /** {@code "VERB /path"} of every operation of the document. */
    private static Map<String, Operation> operations(OpenAPI document) {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) ->
                operations.put(verb.name().toUpperCase(Locale.ROOT) + " " + template(path), operation)));
        return operations;
    }

    private HttpResponse<String> get(URI uri, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code {name: regex}} as {@code {name}}, without a trailing slash. */
    private static String template(String path) {
        return path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
    }
}
