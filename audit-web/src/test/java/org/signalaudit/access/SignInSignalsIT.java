package org.signalaudit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.ProxiedClient;

/**
 * The login signals (logged in, logged out, login failed), the lockout policy that listens to
 * them, and the correlation of everything one request did.
 */
class SignInSignalsIT extends ApplicationIT {

    /** audit.lockout.max-failures, at its default. */
    private static final int MAX_FAILURES = 5;

    @Test
    void formSignInAndSignOutAreRecordedWithTheirRequests() {
        var admin = accounts.active("ADMIN");
        var session = new AdminSession(api);
        String signIn = Api.newRequestId();
        String signOut = Api.newRequestId();

        Api.Response signedIn = session.signIn(admin.username(), admin.password(), signIn);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/admin/"));
        assertThat(session.get("admin/", Api.newRequestId()).status()).isEqualTo(200);
        assertThat(session.signOut(signOut).status()).isEqualTo(302);
        assertThat(session.get("admin/", Api.newRequestId()).status()).as("signed out").isEqualTo(302);

        assertThat(db.loginRows(admin.username())).extracting(row -> row.get("event"), row -> row.get("request_id"))
                .containsExactly(tuple("LOGGED_IN", signIn),
                        tuple("LOGGED_OUT", signOut));
        assertThat(db.loginRows(admin.username())).allSatisfy(row -> {
            assertThat(api.clientAddresses()).contains((String) row.get("client_ip"));
            assertThat(row.get("reason")).isNull();
        });
    }

    @Test
    void everyRefusedSignInIsRecordedWithItsReasonAndNeverAPassword() {
        var user = accounts.active("USER");
        var invited = accounts.invite("USER");
        String unknown = Accounts.uniqueName("ghost");

        assertThat(api.as(user.username(), "wrong-" + user.password()).get("api/users/" + user.username()).send().status())
                .isEqualTo(401);
        assertThat(new AdminSession(api).signIn(unknown, "whatever-password", Api.newRequestId()).status())
                .isEqualTo(401);
        assertThat(api.as(invited.username(), "no-password-yet").get("api/users/" + invited.username()).send().status())
                .isEqualTo(401);
        var locked = accounts.active("USER");
        api.asSuperadmin().post("api/users/" + locked.username() + "/transitions").json(Api.json("event", "LOCK")).send();
        assertThat(locked.client(api).get("api/users/" + locked.username()).send().status()).isEqualTo(401);

        assertThat(db.loginRows(user.username())).extracting(row -> row.get("reason")).containsExactly("BAD_PASSWORD");
        assertThat(db.loginRows(unknown)).extracting(row -> row.get("reason")).containsExactly("UNKNOWN_USER");
        assertThat(db.loginRows(invited.username())).extracting(row -> row.get("reason")).containsExactly("BAD_PASSWORD");
        assertThat(db.loginRows(locked.username())).extracting(row -> row.get("reason")).containsExactly("NOT_ACTIVE");
        assertThat(db.user(unknown)).as("an unknown username creates nothing but the failure row").isEmpty();
        assertThat(db.select("SELECT COUNT(*) AS n FROM login_audit WHERE username = ? OR reason LIKE ?",
                user.password(), "%" + user.password() + "%")).extracting(row -> row.get("n")).containsExactly(0L);
    }

    @Test
    void theNthConsecutiveFailureLocksTheAccountThroughTheStateMachine() {
        var user = accounts.active("USER");
        List<AuditRow> before = db.rowsOf(user.username());
        String lastRequest = null;
        for (int failure = 1; failure <= MAX_FAILURES; failure++) {
            assertThat(db.existingUser(user.username()).state()).as("before failure %d", failure).isEqualTo("ACTIVE");
            lastRequest = Api.newRequestId();
            int status = ProxiedClient.get(api, "127.0.0.2", "api/users/" + user.username(), user.username(),
                    "wrong-password", "X-Request-Id: " + lastRequest, "X-Forwarded-For: 203.0.113.99");
            assertThat(status).isEqualTo(401);
        }

        assertThat(db.existingUser(user.username()).state()).isEqualTo("LOCKED");
        List<AuditRow> after = db.rowsOf(user.username());
        assertThat(after).hasSize(before.size() + 1);
        AuditRow lock = after.get(after.size() - 1);
        assertThat(lock.event()).isEqualTo("LOCK");
        assertThat(lock.initiatedBy()).isEqualTo("system:lockout-policy");
        assertThat(lock.ipAddress()).as("the attacker's address").isEqualTo("203.0.113.99");
        assertThat(lock.requestId()).isEqualTo(lastRequest);
        assertThat(lock.startState()).isEqualTo("ACTIVE");
        assertThat(lock.endState()).isEqualTo("LOCKED");
        assertThat(db.loginRows(user.username())).hasSize(MAX_FAILURES);
        assertThat(user.client(api).get("api/users/" + user.username()).send().status())
                .as("the right password no longer opens a locked account").isEqualTo(401);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        var user = accounts.active("USER");
        Api wrong = api.as(user.username(), "wrong-password");
        for (int round = 0; round < 2; round++) {
            for (int failure = 1; failure < MAX_FAILURES; failure++) {
                assertThat(wrong.get("api/users/" + user.username()).send().status()).isEqualTo(401);
            }
            assertThat(user.client(api).get("api/users/" + user.username()).send().status()).isEqualTo(200);
        }
        assertThat(db.existingUser(user.username()).state()).isEqualTo("ACTIVE");
        assertThat(db.loginRows(user.username())).hasSize(2 * (MAX_FAILURES - 1));
    }

    @Test
    void theCorrelationEndpointReturnsEverythingOneRequestDid() {
        var user = accounts.active("USER");
        String requestId = Api.newRequestId();
        assertThat(api.asSuperadmin().post("api/users/" + user.username() + "/transitions").requestId(requestId)
                .json(Api.json("event", "LOCK", "reason", "correlate me")).send().status()).isEqualTo(200);
        db.awaitRequestRow(requestId);

        JsonObject detail = api.asSuperadmin().get("api/audit/requests/" + requestId).send().json();

        assertThat(detail.getJsonObject("request").getString("requestId")).isEqualTo(requestId);
        assertThat(detail.getJsonObject("request").getInt("status")).isEqualTo(200);
        assertThat(detail.getJsonArray("stateChanges")).hasSize(1);
        assertThat(detail.getJsonArray("stateChanges").getJsonObject(0).getString("event")).isEqualTo("LOCK");
        assertThat(detail.getJsonArray("stateChanges").getJsonObject(0).getString("reason")).isEqualTo("correlate me");
        assertThat(detail.getJsonArray("entityChanges")).hasSize(1);
        JsonObject diff = detail.getJsonArray("entityChanges").getJsonObject(0);
        assertThat(diff.getString("entityType")).isEqualTo("UserAccount");
        assertThat(diff.getJsonObject("changes").getJsonObject("state").getString("new")).isEqualTo("LOCKED");
        assertThat(detail.getJsonArray("logins")).isEmpty();
        assertThat(api.asSuperadmin().get("api/audit/requests/" + Api.newRequestId()).send().status()).isEqualTo(404);
    }

    @Test
    void theTrailAndTheLoginsCanBeQueriedAndPaged() {
        var user = accounts.active("USER");
        for (int i = 0; i < 3; i++) {
            api.as(user.username(), "wrong-" + i).get("api/users/" + user.username()).send();
        }
        Api superadmin = api.asSuperadmin();

        JsonObject first = superadmin.get("api/audit/logins?limit=2&event=LOGIN_FAILED&username=" + user.username())
                .send().json();
        JsonObject second = superadmin.get("api/audit/logins?limit=2&event=LOGIN_FAILED&username=" + user.username()
                + "&after=" + first.getString("next")).send().json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.isNull("next")).isTrue();

        Api.Response requests = superadmin.get("api/audit/requests?status=401&limit=5&path=/audit/api/users/"
                + user.username()).send();
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.json().getJsonArray("items")).hasSize(3)
                .allSatisfy(item -> assertThat(item.asJsonObject().getInt("status")).isEqualTo(401));
        assertThat(requests.body()).doesNotContain("errorDetail");
        assertThat(superadmin.get("api/audit/requests?status=abc").send().status()).isEqualTo(400);
        assertThat(user.client(api).get("api/audit/logins").send().status()).isEqualTo(403);
    }

}
