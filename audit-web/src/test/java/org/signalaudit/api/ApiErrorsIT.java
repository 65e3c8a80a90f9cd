package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.AuditRow;

/** The bootstrap's audit trail, and the API's answers when the request itself is wrong. */
class ApiErrorsIT extends ApplicationIT {

    @Test
    void theBootstrapSuperadminWasEnrolledByTheSystem() {
        // The shared database may have been bootstrapped by an earlier run: its rows stay.
        List<AuditRow> enrolment = db.rowsOf(Api.SUPERADMIN).stream()
                .filter(row -> List.of("INVITE", "ACTIVATE").contains(row.event())).toList();

        assertThat(enrolment).extracting(AuditRow::event).containsExactly("INVITE", "ACTIVATE");
        assertThat(enrolment).extracting(AuditRow::startState, AuditRow::endState)
                .containsExactly(tuple(null, "INVITED"),
                        tuple("INVITED", "ACTIVE"));
        assertThat(enrolment).allSatisfy(row -> {
            assertThat(row.initiatedBy()).isEqualTo("system:bootstrap");
            assertThat(row.origin()).isEqualTo("SYSTEM");
            assertThat(row.ipAddress()).isNull();
            assertThat(row.requestId()).isNull();
        });

        Api.Response self = superadmin.get("api/users/" + Api.SUPERADMIN).send();
        assertThat(self.status()).as("%s", self).isEqualTo(200);
        assertThat(self.json().getString("role")).isEqualTo("SUPERADMIN");
        assertThat(self.json().getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void withoutValidCredentialsTheApiAnswers401WithABasicChallenge() {
        String requestId = Api.newRequestId();
        Api.Response anonymous = api.get("api/users").requestId(requestId).send();
        JsonObject problem = assertProblem(anonymous, 401);
        assertThat(problem.getString("requestId")).isEqualTo(requestId);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWithIgnoringCase("Basic"));

        Api.Response wrongPassword = api.as(Api.SUPERADMIN, "not-the-password").get("api/users").send();
        assertProblem(wrongPassword, 401);
        assertThat(wrongPassword.header("WWW-Authenticate")).isPresent();

        // A request id in the wrong shape is not echoed into headers and logs: the server makes one.
        Api.Response badId = api.get("api/users").requestId("bad id!").send();
        assertProblem(badId, 401);
        assertThat(badId.header(Api.REQUEST_ID)).hasValueSatisfying(
                id -> assertThat(id).isNotEqualTo("bad id!").matches("[A-Za-z0-9._:-]{8,64}"));
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsA400Problem() {
        assertProblem(superadmin.post("api/users").body("{\"username\": ").send(), 400);
        assertProblem(superadmin.post("api/users").body("{\"username\": [\"x\"], \"role\": {}}").send(), 400);
        assertProblem(superadmin.post("api/users")
                .json(Api.json("username", "Not A Valid Name", "email", "no-at-sign", "role", "USER")).send(), 400);
        String nobody = Accounts.uniqueName("nobody");
        assertProblem(superadmin.post("api/users/" + nobody + "/transitions").body("not json at all").send(), 400);
        assertThat(db.user(nobody)).isEmpty();
    }

    @Test
    void anUnknownPathOrUserIsA404Problem() {
        assertProblem(superadmin.get("api/no-such-resource").send(), 404);
        assertProblem(superadmin.get("api/users/" + Accounts.uniqueName("nobody")).send(), 404);
    }
}
