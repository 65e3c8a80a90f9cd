package org.signalaudit.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.AuditDatabase.literal;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.Trigger;
import org.signalaudit.testing.ProxiedClient;

/**
 * The request trail: every request leaves one {@code request_audit} row, whatever its outcome and
 * whoever refused it, with the client resolved through trusted proxies and secrets masked.
 */
class RequestTrailIT extends ApplicationIT {

    @Test
    void everyOutcomeOfTheApiLeavesOneRow() {
        Api superadmin = api.asSuperadmin();
        var user = accounts.active("USER");

        assertRow(superadmin.get("api/users/" + user.username()), 200, "GET", "/api/users/{username}",
                "UsersResource.find", "superadmin");
        assertRow(superadmin.post("api/users").json(Api.json("username", Accounts.uniqueName("trail"),
                "email", "t@example.test", "role", "USER")), 201, "POST", "/api/users", "UsersResource.invite", "superadmin");
        assertRow(superadmin.post("api/users").body("{not json"), 400, "POST", "/api/users", "UsersResource.invite",
                "superadmin");
        assertRow(api.anonymous().get("api/users"), 401, "GET", null, null, null);
        assertRow(user.client(api).get("api/users"), 403, "GET", "/api/users", "UsersResource.list", user.username());
        assertRow(superadmin.get("api/no-such-resource"), 404, "GET", null, null, "superadmin");
        assertRow(superadmin.post("api/users/" + user.username() + "/transitions")
                .json(Api.json("event", "UNLOCK")), 409, "POST", "/api/users/{username}/transitions",
                "UsersResource.transition", "superadmin");
    }

    @Test
    void anUnexpectedFailureIsRecordedWithItsTraceWhichTheClientNeverSees() {
        var user = accounts.active("USER");
        try (Trigger breakTheUpdate = db.createTrigger("user_account",
                "CREATE TRIGGER {trigger} BEFORE UPDATE ON user_account FOR EACH ROW"
                        + " WHEN (NEW.username = " + literal(user.username()) + ") EXECUTE FUNCTION {function}()",
                "RAISE EXCEPTION 'integration test breaks the update of %', NEW.username;")) {
            String requestId = Api.newRequestId();
            Api.Response failed = api.asSuperadmin().post("api/users/" + user.username() + "/transitions")
                    .requestId(requestId).json(Api.json("event", "LOCK")).send();

            assertThat(failed.status()).isEqualTo(500);
            assertProblem(failed, 500);
            Map<String, Object> row = db.awaitRequestRow(requestId);
            assertThat(row.get("status")).isEqualTo(500);
            assertThat((String) row.get("error_class")).isNotBlank();
            assertThat((String) row.get("error_detail")).contains("at org.").contains("integration test breaks the update");
            assertThat(failed.body()).doesNotContain("integration test breaks the update");
        }
    }

    @Test
    void aTrailThatCannotBeWrittenNeverChangesTheAnswerAndIsCounted() {
        String requestId = Api.newRequestId();
        long failuresBefore = trailFailures();
        try (Trigger refuseTheRow = db.createTrigger("request_audit",
                "CREATE TRIGGER {trigger} BEFORE INSERT ON request_audit FOR EACH ROW"
                        + " WHEN (NEW.request_id = " + literal(requestId) + ") EXECUTE FUNCTION {function}()",
                "RAISE EXCEPTION 'integration test refuses the trail row';")) {
            Api.Response answer = api.asSuperadmin().get("api/users/superadmin").requestId(requestId).send();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getString("username")).isEqualTo("superadmin");
        }
        // The trail is written when the request ends, a moment after the client has its answer.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (trailFailures() <= failuresBefore && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(trailFailures()).as(metrics()).isGreaterThan(failuresBefore);
        assertThat(db.select("SELECT id FROM request_audit WHERE request_id = ?", requestId)).isEmpty();
    }

    @Test
    void readsOfTheAuditLogAreCategorisedAndFoundByCategory() {
        var admin = accounts.active("ADMIN");
        Api asAdmin = admin.client(api);
        String subject = accounts.invite("USER").username();
        String stateRead = Api.newRequestId();
        String asOfRead = Api.newRequestId();
        String plainRead = Api.newRequestId();
        asAdmin.get("api/audit/state-changes?username=" + subject).requestId(stateRead).send();
        asAdmin.get("api/users/" + subject + "?asOf=2026-01-01T00:00:00Z").requestId(asOfRead).send();
        asAdmin.get("api/users/" + subject).requestId(plainRead).send();
        assertThat(db.awaitRequestRow(stateRead)).containsEntry("category", "AUDIT_READ");
        assertThat(db.awaitRequestRow(asOfRead)).containsEntry("category", "AUDIT_READ");
        assertThat(db.awaitRequestRow(plainRead)).containsEntry("category", "READ");

        var page = api.asSuperadmin().get("api/audit/requests?category=AUDIT_READ&actor=" + admin.username())
                .send().json().getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class);
        assertThat(page).extracting(row -> row.getString("requestId")).containsExactly(asOfRead, stateRead);
        assertThat(page).extracting(row -> row.getString("path"))
                .allSatisfy(path -> assertThat(path).contains(subject));
        assertThat(api.asSuperadmin().get("api/audit/requests?category=SECRET").send().status()).isEqualTo(400);
    }

    @Test
    void secretsInTheQueryStringAreMasked() {
        String requestId = Api.newRequestId();
        api.asSuperadmin().get("api/users?limit=1&token=tok-s3cr3t&Password=pw-s3cr3t&state=ACTIVE")
                .requestId(requestId).send();

        String path = (String) db.awaitRequestRow(requestId).get("path");
        assertThat(path).contains("limit=1", "token=***", "Password=***", "state=ACTIVE")
                .doesNotContain("tok-s3cr3t", "pw-s3cr3t");
    }

    @Test
    void excludedPathsLeaveNoRowAndOthersDo() {
        String excluded = Api.newRequestId();
        String included = Api.newRequestId();
        assertThat(api.anonymous().get("trail-excluded/ping").requestId(excluded).send().status()).isEqualTo(404);
        assertThat(api.anonymous().get("trail-included/ping").requestId(included).send().status()).isEqualTo(404);

        assertThat(db.awaitRequestRow(included).get("origin")).isEqualTo("ADMIN_UI");
        assertThat(db.select("SELECT id FROM request_audit WHERE request_id = ?", excluded)).isEmpty();
    }

    @Test
    void adminScreenRequestsAreRecordedLikeApiRequests() {
        var admin = new AdminSession(api);
        var user = accounts.active("USER");
        String page = Api.newRequestId();
        String signIn = Api.newRequestId();
        String refused = Api.newRequestId();

        assertThat(admin.get("admin/signin", page).status()).isEqualTo(200);
        assertThat(admin.signIn(user.username(), user.password(), signIn).status()).isEqualTo(302);
        assertThat(admin.get("admin/", refused).status()).isEqualTo(403);

        assertThat(db.awaitRequestRow(page)).containsEntry("status", 200).containsEntry("origin", "ADMIN_UI");
        assertThat(db.awaitRequestRow(signIn)).containsEntry("status", 302).containsEntry("category", "AUTH")
                .containsEntry("actor", user.username());
        assertThat(db.awaitRequestRow(refused)).containsEntry("status", 403).containsEntry("actor", user.username());
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        String requestId = Api.newRequestId();
        int status = ProxiedClient.get(api, "127.0.0.1", "api/users/superadmin", Api.SUPERADMIN,
                Api.SUPERADMIN_PASSWORD, "X-Request-Id: " + requestId, "X-Forwarded-For: 203.0.113.66");

        assertThat(status).isEqualTo(200);
        assertThat(db.awaitRequestRow(requestId)).containsEntry("client_ip", "127.0.0.1")
                .containsEntry("peer_ip", "127.0.0.1");
    }

    @Test
    void aChainThroughATrustedProxyResolvesToTheClientInEveryAuditTable() {
        var user = accounts.active("USER");
        String requestId = Api.newRequestId();
        // 198.51.100.1 is forged by the client; 203.0.113.7 is what our proxy (127.0.0.2) saw.
        int status = ProxiedClient.get(api, "127.0.0.2", "api/users/" + user.username(), user.username(),
                "wrong-password", "X-Request-Id: " + requestId, "X-Forwarded-For: 198.51.100.1, 203.0.113.7");

        assertThat(status).isEqualTo(401);
        assertThat(db.awaitRequestRow(requestId)).containsEntry("client_ip", "203.0.113.7")
                .containsEntry("peer_ip", "127.0.0.2");
        assertThat(db.select("SELECT client_ip FROM login_audit WHERE request_id = ?", requestId))
                .extracting(row -> row.get("client_ip")).containsExactly("203.0.113.7");
    }

    @Test
    void ipv6ForwardedHeadersAreUnderstood() {
        String requestId = Api.newRequestId();
        ProxiedClient.get(api, "127.0.0.2", "api/users/superadmin", Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD,
                "X-Request-Id: " + requestId, "Forwarded: for=\"[2001:db8:cafe::17]:4711\";proto=https");

        assertThat(db.awaitRequestRow(requestId)).containsEntry("client_ip", "2001:db8:cafe:0:0:0:0:17");
    }

    /** The application counter {@code audit_trail_failures} from Payara's MicroProfile Metrics endpoint. */
    private long trailFailures() {
        return metrics().lines()
                .filter(line -> line.startsWith("audit_trail_failures_total"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String metrics() {
        var request = HttpRequest.newBuilder(api.base().resolve("/metrics?scope=application"))
                .header("Accept", "text/plain").build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The metrics endpoint did not answer", e);
        }
    }

    private void assertRow(Api.Call call, int status, String method, String route, String resource, String actor) {
        String requestId = Api.newRequestId();
        Api.Response response = call.requestId(requestId).send();
        assertThat(response.status()).as("%s", response).isEqualTo(status);

        Map<String, Object> row = db.awaitRequestRow(requestId);
        assertThat(row).containsEntry("status", status).containsEntry("method", method).containsEntry("route", route)
                .containsEntry("resource", resource).containsEntry("actor", actor).containsEntry("origin", "HTTP_API");
        assertThat(api.clientAddresses()).contains((String) row.get("client_ip"));
        assertThat((String) row.get("summary")).endsWith(" -> " + status).startsWith(method + " /audit/api/");
        assertThat((Long) row.get("duration_ms")).isNotNegative();
        if (resource != null) {
            assertThat(row).containsEntry("model", "UserAccount");
        }
    }
}
