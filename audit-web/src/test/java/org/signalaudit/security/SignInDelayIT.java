package org.signalaudit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.ProxiedClient;

/**
 * Wrong passwords never lock an administrator (issue 17): a SUPERADMIN's failures, from one client
 * address or from many, only delay the next sign-in, each refusal is in {@code login_audit} with
 * its address, each delay imposed is in {@code entity_audit}, the users screen lists the account,
 * and the owner signs in once the delay has passed. {@link org.signalaudit.testing.SharedServer} sets the delay to 1 s doubling up to 2 s; the lockout threshold
 * is at its default, 5. (A USER still goes to LOCKED: {@code SignInSignalsIT}.)
 */
class SignInDelayIT extends ApplicationIT {

    private static final int MAX_FAILURES = 5;

    @ParameterizedTest(name = "{0} wrong passwords from {1} address(es)")
    @CsvSource({"5, 1", "10, 1", "50, 1", "10, 5", "50, 10"})
    void wrongPasswordsDelayASuperadminButNeverLockIt(int attempts, int addresses) {
        var superadmin = accounts.active("SUPERADMIN");
        for (int attempt = 0; attempt < attempts; attempt++) {
            String address = "203.0.113." + (1 + attempt % addresses);
            int status = ProxiedClient.get(api, "127.0.0.2", "api/users/" + superadmin.username(),
                    superadmin.username(), "wrong-password-" + attempt, "X-Forwarded-For: " + address);
            assertThat(status).as("attempt %d", attempt).isEqualTo(401);
        }

        assertThat(db.existingUser(superadmin.username()).state()).isEqualTo("ACTIVE");
        List<Map<String, Object>> refusals = db.loginRows(superadmin.username());
        assertThat(refusals).as("every refusal is in login_audit").hasSize(attempts)
                .allSatisfy(row -> {
                    assertThat(row.get("event")).isEqualTo("LOGIN_FAILED");
                    assertThat((String) row.get("client_ip")).startsWith("203.0.113.");
                });
        List<Object> reasons = refusals.stream().map(row -> row.get("reason")).toList();
        assertThat(reasons).isSubsetOf("BAD_PASSWORD", "DELAYED")
                .filteredOn("BAD_PASSWORD"::equals).hasSizeGreaterThanOrEqualTo(Math.min(attempts, MAX_FAILURES));
        if (attempts >= 10 * MAX_FAILURES) {
            // 50 attempts in a row cannot all fall outside delays of 1 to 2 s: some were refused unread.
            assertThat(reasons).contains("DELAYED");
        }
        assertThat(db.select("SELECT * FROM user_state_audit WHERE username = ? AND event = 'LOCK'",
                superadmin.username())).isEmpty();
        assertThat(db.select("SELECT * FROM entity_audit WHERE entity_type = 'SignInDelay' AND entity_id LIKE ?",
                superadmin.username() + "%")).as("every failure counted, every delay imposed is audited").isNotEmpty()
                .allSatisfy(row -> {
                    assertThat((String) row.get("ip_address")).startsWith("203.0.113.");
                    assertThat(row.get("initiated_by")).isEqualTo("system:lockout-policy");
                });

        var screens = new AdminSession(api);
        assertThat(screens.signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD, Api.newRequestId()).status()).isEqualTo(302);
        String page = screens.get("admin/users.xhtml", Api.newRequestId()).body();
        assertThat(page).contains("id=\"users:delays\"", "id=\"users:table\"");
        assertThat(page.substring(page.indexOf("id=\"users:delays\""), page.indexOf("id=\"users:table\"")))
                .as("the users screen lists the account's wrong passwords").contains(superadmin.username());

        awaitEndOfDelays(superadmin.username());
        assertThat(superadmin.client(api).get("api/users/" + superadmin.username()).send().status())
                .as("the owner signs in once the delay has passed").isEqualTo(200);
        assertThat(db.select("SELECT * FROM sign_in_delay WHERE username = ? AND failures > 0",
                superadmin.username())).as("a sign-in ends every delay").isEmpty();
    }

    /** Waits for the database's word that no delay of the account is running, never for a fixed time. */
    private void awaitEndOfDelays(String username) {
        long until = db.queryForLong("SELECT COALESCE(CAST(EXTRACT(EPOCH FROM MAX(delayed_until)) * 1000 AS BIGINT), 0) "
                + "FROM sign_in_delay WHERE username = " + AuditDatabase.literal(username));
        long wait = until - System.currentTimeMillis() + 100;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
