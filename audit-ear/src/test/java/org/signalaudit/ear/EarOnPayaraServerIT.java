package org.signalaudit.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR that this build packaged, deployed unchanged to a full Payara Server against
 * PostgreSQL, driven over HTTP as a client would, with the audit rows read back both through the
 * API and straight from the database.
 */
@ExtendWith(ArquillianExtension.class)
class EarOnPayaraServerIT {

    private static final String SUPERADMIN_PASSWORD = "superadmin-test-password";
    private static final String BASIC_SUPERADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("superadmin:" + SUPERADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL deployed;

    private URI api;

    /** The archive the ear plugin wrote, read as it is: the test must never repackage it. */
    @Deployment(testable = false)
    static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("audit.ear", "target/audit.ear"));
        assertThat(ear).as("the EAR packaged by this build (run the package phase first)").isFile();
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** Arquillian points at one of the EAR's web modules; the API root is fixed by the EAR. */
    @BeforeEach
    void locateApi() {
        api = URI.create(deployed.getProtocol() + "://" + deployed.getHost() + ":" + deployed.getPort() + "/audit/api/");
    }

    @Test
    void userLifeCycleOverHttpIsAuditedInPostgres() throws Exception {
        String username = "ear-" + randomSuffix();
        String lockRequestId = "ear-test-" + randomSuffix();

        HttpResponse<String> invited = send("POST", "users", Json.createObjectBuilder()
                .add("username", username).add("email", "x@example.com").add("role", "USER").build(), true);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/audit/api/users/" + username));
        JsonObject invitation = json(invited);
        assertThat(invitation.getString("state")).isEqualTo("INVITED");
        String token = invitation.getString("invitationToken");
        assertThat(token).isNotBlank();

        HttpResponse<String> accepted = send("POST", "invitations/accept", Json.createObjectBuilder()
                .add("username", username).add("token", token).add("password", "correct horse battery").build(), false);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).getString("state")).isEqualTo("ACTIVE");

        HttpResponse<String> locked = send("POST", "users/" + username + "/transitions", Json.createObjectBuilder()
                .add("event", "LOCK").add("reason", "ear check").build(), true, REQUEST_ID, lockRequestId);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
        assertThat(json(locked).getString("state")).isEqualTo("LOCKED");
        assertThat(locked.headers().firstValue(REQUEST_ID)).hasValue(lockRequestId);

        HttpResponse<String> unlocked = send("POST", "users/" + username + "/transitions",
                Json.createObjectBuilder().add("event", "UNLOCK").build(), true);
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(json(unlocked).getString("state")).isEqualTo("ACTIVE");

        HttpResponse<String> overridden = send("PUT", "users/" + username + "/state", Json.createObjectBuilder()
                .add("state", "DEACTIVATED").add("reason", "override from ear test").build(), true);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        assertThat(json(overridden).getString("state")).isEqualTo("DEACTIVATED");

        List<AuditRow> listed = listed(username);
        assertThat(listed)
                .extracting(AuditRow::event, AuditRow::startState, AuditRow::endState, AuditRow::initiatedBy,
                        AuditRow::origin, AuditRow::reason)
                .containsExactly(
                        tuple("OVERRIDE", "ACTIVE", "DEACTIVATED", "superadmin", "HTTP_API", "override from ear test"),
                        tuple("UNLOCK", "LOCKED", "ACTIVE", "superadmin", "HTTP_API", null),
                        tuple("LOCK", "ACTIVE", "LOCKED", "superadmin", "HTTP_API", "ear check"),
                        tuple("ACTIVATE", "INVITED", "ACTIVE", username, "HTTP_API", "invitation accepted"),
                        tuple("INVITE", null, "INVITED", "superadmin", "HTTP_API", null));
        assertThat(listed).allSatisfy(row -> {
            assertThat(row.username()).isEqualTo(username);
            assertThat(row.ipAddress()).isNotBlank();
            assertThat(row.requestId()).isNotBlank();
            assertThat(row.occurredAt()).isNotNull();
        });
        assertThat(listed).filteredOn(row -> row.event().equals("LOCK"))
                .singleElement().extracting(AuditRow::requestId).isEqualTo(lockRequestId);
        assertThat(listed).extracting(AuditRow::requestId).doesNotHaveDuplicates();

        assertThat(stored(username)).as("the rows in PostgreSQL, newest first").isEqualTo(listed);

        // The request trail, written when the request has ended (on Payara Server 6.2025.9 this
        // failed: the web module's request listener runs outside the request's invocation).
        assertThat(trailRow(lockRequestId)).as("request_audit row of the LOCK request")
                .isEqualTo("POST 200 superadmin");
        HttpResponse<String> verified = send("GET", "audit/verify", null, true);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).getBoolean("intact")).as(verified.body()).isTrue();
    }

    /** "method status actor" of the trail row of a request, once it is there (at most 30 s after the answer). */
    private static String trailRow(String requestId) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            try (Connection db = DriverManager.getConnection(System.getProperty("audit.test.db.url"),
                    System.getProperty("audit.test.db.user"), System.getProperty("audit.test.db.password"));
                 var query = db.prepareStatement("SELECT method, status, actor FROM request_audit WHERE request_id = ?")) {
                query.setString(1, requestId);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString("method") + " " + rs.getInt("status") + " " + rs.getString("actor");
                    }
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return "no row";
    }

    /**
     * The API documentation in the EAR: the WAR's OpenAPI filter (its META-INF/microprofile-config.properties)
     * completes the document, and the skinny web module keeps the Swagger UI jar its page loads.
     */
    @Test
    void theApiDocumentationAndItsUiAreServed() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(api.resolve("/openapi?format=JSON"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        JsonObject paths = Json.createReader(new StringReader(document.body())).readObject().getJsonObject("paths");
        JsonObject invite = paths.getJsonObject("/api/users").getJsonObject("post");
        assertThat(invite.getString("x-required-role")).isEqualTo("ADMIN");
        assertThat(invite.getJsonObject("responses").getJsonObject("401").getJsonObject("content"))
                .containsKey(PROBLEM_JSON);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(api.resolve("../api-docs/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        var bundle = java.util.regex.Pattern.compile("src=\"([^\"]*swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertThat(bundle.find()).as(page.body()).isTrue();
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(api.resolve("../api-docs/").resolve(bundle.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString()
                .matches("(application|text)/javascript.*"); // Payara Server says text/javascript, Micro application/
    }

    /**
     * The database-outage breaker is MicroProfile Fault Tolerance's on Payara Server too: a signed-in
     * request passes its interceptor, which counts the call (base scope).
     */
    @Test
    void signInsPassTheOutageBreakerOfMicroProfileFaultTolerance() throws Exception {
        HttpResponse<String> me = send("GET", "users/superadmin", null, true);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(api.resolve("/metrics?scope=base"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines()
                .filter(line -> line.startsWith("ft_circuitbreaker_calls_total{circuitBreakerResult=\"success\","
                        + "method=\"org.signalaudit.availability.StoreAvailability.reach\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .as("sign-ins the breaker let through").isPositive();
    }

    @Test
    void illegalTransitionIsRefusedAsProblemAndLeavesNoRow() throws Exception {
        String username = "ear-" + randomSuffix();
        String requestId = "ear-test-" + randomSuffix();
        deactivatedUser(username);
        List<AuditRow> before = stored(username);
        assertThat(before).extracting(AuditRow::event).containsExactly("OVERRIDE", "ACTIVATE", "INVITE");

        HttpResponse<String> refused = send("POST", "users/" + username + "/transitions", Json.createObjectBuilder()
                .add("event", "LOCK").add("reason", "must not happen").build(), true, REQUEST_ID, requestId);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        JsonObject problem = json(refused);
        assertThat(problem.getInt("status")).isEqualTo(409);
        assertThat(problem.getString("requestId")).isEqualTo(requestId);
        assertThat(stored(username)).as("no audit row for a refused transition").isEqualTo(before);
    }

    /** Invited, accepted and overridden to DEACTIVATED, each step checked only for success. */
    private void deactivatedUser(String username) throws Exception {
        HttpResponse<String> invited = send("POST", "users", Json.createObjectBuilder()
                .add("username", username).add("email", "x@example.com").add("role", "USER").build(), true);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        HttpResponse<String> accepted = send("POST", "invitations/accept", Json.createObjectBuilder()
                .add("username", username).add("token", json(invited).getString("invitationToken"))
                .add("password", "correct horse battery").build(), false);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        HttpResponse<String> overridden = send("PUT", "users/" + username + "/state", Json.createObjectBuilder()
                .add("state", "DEACTIVATED").add("reason", "set up for a refusal").build(), true);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
    }

    private List<AuditRow> listed(String username) throws Exception {
        HttpResponse<String> page = send("GET", "audit/state-changes?username=" + username, null, true);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonObject body = json(page);
        assertThat(body.isNull("next")).as("everything on one page").isTrue();
        var rows = new ArrayList<AuditRow>();
        for (JsonValue item : body.getJsonArray("items")) {
            JsonObject row = item.asJsonObject();
            rows.add(new AuditRow(row.getJsonNumber("id").longValue(), text(row, "username"), text(row, "initiatedBy"),
                    text(row, "startState"), text(row, "endState"), text(row, "event"),
                    Instant.parse(text(row, "occurredAt")), text(row, "ipAddress"), text(row, "origin"),
                    text(row, "reason"), text(row, "requestId")));
        }
        return rows;
    }

    private static List<AuditRow> stored(String username) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("audit.test.db.url"),
                System.getProperty("audit.test.db.user"), System.getProperty("audit.test.db.password"));
             var query = db.prepareStatement("SELECT id, username, initiated_by, start_state, end_state, event,"
                     + " occurred_at, ip_address, origin, reason, request_id FROM user_state_audit"
                     + " WHERE username = ? ORDER BY id DESC")) {
            query.setString(1, username);
            try (ResultSet rs = query.executeQuery()) {
                var rows = new ArrayList<AuditRow>();
                while (rs.next()) {
                    rows.add(new AuditRow(rs.getLong("id"), rs.getString("username"), rs.getString("initiated_by"),
                            rs.getString("start_state"), rs.getString("end_state"), rs.getString("event"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("ip_address"),
                            rs.getString("origin"), rs.getString("reason"), rs.getString("request_id")));
                }
                return rows;
            }
        }
    }

    /** {@code headers} are name, value pairs. */
    private HttpResponse<String> send(String method, String path, JsonObject body, boolean asSuperadmin,
                                      String... headers) throws Exception {
        var request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json");
        }
        if (asSuperadmin) {
            request.header("Authorization", BASIC_SUPERADMIN);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The API writes absent values as explicit nulls, so a missing member is a failure. */
    private static String text(JsonObject object, String name) {
        assertThat(object).as("member " + name).containsKey(name);
        return object.isNull(name) ? null : object.getString(name);
    }

    /** Lower-case, so that it fits the username rule; the DB is shared with other tests. */
    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** One audit row, the same shape whether it came from the API or from the table. */
    record AuditRow(long id, String username, String initiatedBy, String startState, String endState, String event,
                    Instant occurredAt, String ipAddress, String origin, String reason, String requestId) {
    }
}
