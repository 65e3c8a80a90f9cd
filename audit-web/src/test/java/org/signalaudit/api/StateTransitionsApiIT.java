package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.AuditRow;
import org.signalaudit.testing.AuditDatabase.UserRow;

/**
 * The state machine through the REST API on Payara Micro and PostgreSQL: every change writes
 * exactly one audit row with its provenance, refusals write none, and the audit log pages.
 */
class StateTransitionsApiIT extends ApplicationIT {

    @Test
    void everyTransitionThroughTheApiWritesExactlyOneRowWithItsProvenance() {
        Accounts.Active admin = accounts.active("ADMIN");
        Api asAdmin = admin.client(api);
        String username = Accounts.uniqueName("fsm");

        String inviteId = Api.newRequestId();
        Api.Response invited = asAdmin.post("api/users").requestId(inviteId)
                .json(Api.json("username", username, "email", username + "@example.test", "role", "USER"))
                .send();
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        assertThat(invited.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/users/" + username));
        assertThat(invited.header("ETag")).contains(etag(invited.json()));
        assertThat(invited.json().getString("state")).isEqualTo("INVITED");
        AuditRow creation = assertOneNewRow(List.of(), username, inviteId, invited);
        assertThat(creation).extracting(AuditRow::initiatedBy, AuditRow::startState, AuditRow::endState,
                AuditRow::event, AuditRow::reason).containsExactly(admin.username(), null, "INVITED", "INVITE", null);

        String acceptId = Api.newRequestId();
        Api.Response accepted = api.post("api/invitations/accept").requestId(acceptId)
                .json(Api.json("username", username, "token", invited.json().getString("invitationToken"),
                        "password", "a-long-enough-password"))
                .send();
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().getString("state")).isEqualTo("ACTIVE");
        AuditRow activation = assertOneNewRow(List.of(creation), username, acceptId, accepted);
        assertThat(activation).extracting(AuditRow::initiatedBy, AuditRow::startState, AuditRow::endState,
                AuditRow::event).containsExactly(username, "INVITED", "ACTIVE", "ACTIVATE");

        List<AuditRow> rows = new ArrayList<>(List.of(creation, activation));
        record Step(String event, String reason, String from, String to) {
        }
        for (Step step : List.of(new Step("LOCK", "too many failed sign-ins", "ACTIVE", "LOCKED"),
                new Step("UNLOCK", null, "LOCKED", "ACTIVE"),
                new Step("DEACTIVATE", "left the company", "ACTIVE", "DEACTIVATED"),
                new Step("REACTIVATE", null, "DEACTIVATED", "ACTIVE"))) {
            String requestId = Api.newRequestId();
            JsonObject command = step.reason() == null ? Api.json("event", step.event())
                    : Api.json("event", step.event(), "reason", step.reason());
            Api.Response moved = asAdmin.post("api/users/" + username + "/transitions").requestId(requestId)
                    .json(command).send();
            assertThat(moved.status()).as("%s: %s", step, moved).isEqualTo(200);
            assertThat(moved.json().getString("state")).isEqualTo(step.to());
            assertThat(moved.header("ETag")).contains(etag(moved.json()));
            assertThat(db.existingUser(username).state()).isEqualTo(step.to());

            AuditRow row = assertOneNewRow(rows, username, requestId, moved);
            assertThat(row).as("%s", step).extracting(AuditRow::initiatedBy, AuditRow::startState,
                    AuditRow::endState, AuditRow::event, AuditRow::reason)
                    .containsExactly(admin.username(), step.from(), step.to(), step.event(), step.reason());
            rows.add(row);
        }
    }

    @Test
    void theOverrideBypassesTheTableAndIsAuditedAsOverride() {
        String username = accounts.invite("USER").username();
        List<AuditRow> before = db.rowsOf(username);

        // INVITED -> LOCKED is no edge of the table; only the override can do it.
        String requestId = Api.newRequestId();
        Api.Response locked = superadmin.put("api/users/" + username + "/state").requestId(requestId)
                .json(Api.json("state", "LOCKED", "reason", "fraud investigation"))
                .send();
        assertThat(locked.status()).as("%s", locked).isEqualTo(200);
        assertThat(locked.json().getString("state")).isEqualTo("LOCKED");
        AuditRow row = assertOneNewRow(before, username, requestId, locked);
        assertThat(row).extracting(AuditRow::initiatedBy, AuditRow::startState, AuditRow::endState,
                AuditRow::event, AuditRow::reason)
                .containsExactly(Api.SUPERADMIN, "INVITED", "LOCKED", "OVERRIDE", "fraud investigation");
        UserRow overridden = db.existingUser(username);
        assertThat(overridden.state()).isEqualTo("LOCKED");

        String againId = Api.newRequestId();
        Api.Response same = superadmin.put("api/users/" + username + "/state").requestId(againId)
                .json(Api.json("state", "LOCKED", "reason", "still under investigation"))
                .send();
        assertThat(same.status()).as("%s", same).isEqualTo(200);
        assertThat(same.json().getString("state")).isEqualTo("LOCKED");
        assertThat(db.existingUser(username)).isEqualTo(overridden);
        assertThat(db.rowsOfRequest(againId)).isEmpty();
        assertThat(db.rowsOf(username)).hasSize(before.size() + 1);
    }

    @Test
    void onlyTheSuperadminMayOverrideAndOnlyWithAReason() {
        Api asAdmin = accounts.active("ADMIN").client(api);
        String username = accounts.invite("USER").username();
        List<AuditRow> before = db.rowsOf(username);
        UserRow user = db.existingUser(username);
        String path = "api/users/" + username + "/state";

        assertProblem(asAdmin.put(path).json(Api.json("state", "ACTIVE", "reason", "an admin tries")).send(), 403);
        assertProblem(superadmin.put(path).json(Api.json("state", "ACTIVE")).send(), 400);
        assertProblem(superadmin.put(path).json(Api.json("state", "ACTIVE", "reason", "  ")).send(), 400);

        assertThat(db.existingUser(username)).isEqualTo(user);
        assertThat(db.rowsOf(username)).isEqualTo(before);
    }

    @Test
    void anAdminChangesTheStateOfUsersOnlyAndASuperadminOfAnyone() {
        Api asAdmin = accounts.active("ADMIN").client(api);
        for (String role : List.of("ADMIN", "SUPERADMIN")) {
            String username = accounts.active(role).username();
            List<AuditRow> before = db.rowsOf(username);
            UserRow user = db.existingUser(username);

            assertProblem(asAdmin.post("api/users/" + username + "/transitions")
                    .json(Api.json("event", "LOCK", "reason", "an admin locks a peer")).send(), 403);
            assertThat(db.existingUser(username)).as(role).isEqualTo(user);
            assertThat(db.rowsOf(username)).as(role).isEqualTo(before);

            assertThat(superadmin.post("api/users/" + username + "/transitions")
                    .json(Api.json("event", "LOCK")).send().status()).as(role).isEqualTo(200);
        }
        String username = accounts.active("USER").username();
        assertThat(asAdmin.post("api/users/" + username + "/transitions").json(Api.json("event", "LOCK")).send()
                .status()).isEqualTo(200);
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() {
        String username = accounts.invite("USER").username();
        List<AuditRow> before = db.rowsOf(username);
        UserRow user = db.existingUser(username);

        String requestId = Api.newRequestId();
        Api.Response refused = superadmin.post("api/users/" + username + "/transitions").requestId(requestId)
                .json(Api.json("event", "LOCK")).send();

        JsonObject problem = assertProblem(refused, 409);
        assertThat(problem.getString("requestId")).isEqualTo(requestId);
        assertThat(db.existingUser(username)).isEqualTo(user);
        assertThat(db.rowsOf(username)).isEqualTo(before);
        assertThat(db.rowsOfRequest(requestId)).isEmpty();
    }

    @Test
    void unknownAndReservedEventsAreBadRequests() {
        String username = accounts.invite("USER").username();
        List<AuditRow> before = db.rowsOf(username);
        UserRow user = db.existingUser(username);
        String path = "api/users/" + username + "/transitions";

        assertProblem(superadmin.post(path).json(Api.json("event", "TELEPORT")).send(), 400);
        assertProblem(superadmin.post(path).json(Api.json("event", "INVITE")).send(), 400);
        assertProblem(superadmin.post(path).json(Api.json("event", "OVERRIDE")).send(), 400);

        assertThat(db.existingUser(username)).isEqualTo(user);
        assertThat(db.rowsOf(username)).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        String username = accounts.active("USER").username();
        Api.Response current = superadmin.get("api/users/" + username).send();
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        long version = current.json().getJsonNumber("version").longValue();
        assertThat(current.header("ETag")).contains("\"" + version + "\"");
        List<AuditRow> before = db.rowsOf(username);
        String path = "api/users/" + username + "/transitions";

        String staleId = Api.newRequestId();
        Api.Response stale = superadmin.post(path).requestId(staleId).ifMatch("\"" + (version - 1) + "\"")
                .json(Api.json("event", "LOCK")).send();
        assertProblem(stale, 412);
        assertThat(db.existingUser(username).state()).isEqualTo("ACTIVE");
        assertThat(db.existingUser(username).version()).isEqualTo(version);
        assertThat(db.rowsOfRequest(staleId)).isEmpty();

        String freshId = Api.newRequestId();
        Api.Response fresh = superadmin.post(path).requestId(freshId).ifMatch(current.header("ETag").orElseThrow())
                .json(Api.json("event", "LOCK")).send();
        assertThat(fresh.status()).as("%s", fresh).isEqualTo(200);
        assertOneNewRow(before, username, freshId, fresh);
    }

    @Test
    void theStateChangeLogPagesNewestFirstByKeyset() {
        String username = accounts.active("USER").username();
        for (String event : List.of("LOCK", "UNLOCK", "DEACTIVATE")) {
            Api.Response moved = superadmin.post("api/users/" + username + "/transitions")
                    .json(Api.json("event", event)).send();
            assertThat(moved.status()).as("%s: %s", event, moved).isEqualTo(200);
        }
        List<Long> newestFirst = db.rowsOf(username).stream().map(AuditRow::id)
                .sorted(Comparator.reverseOrder()).toList();
        assertThat(newestFirst).hasSize(5);

        List<Long> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> events = new ArrayList<>();
        String next = null;
        do {
            String query = "api/audit/state-changes?username=" + username + "&limit=2"
                    + (next == null ? "" : "&after=" + next);
            Api.Response page = superadmin.get(query).send();
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            var items = page.json().getJsonArray("items").getValuesAs(JsonObject.class);
            pageSizes.add(items.size());
            items.forEach(item -> {
                walked.add(item.getJsonNumber("id").longValue());
                events.add(item.getString("event"));
                assertThat(item.getString("username")).isEqualTo(username);
            });
            JsonValue cursor = page.json().get("next");
            next = cursor instanceof JsonString text ? text.getString() : null;
        } while (next != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(newestFirst);
        assertThat(events).containsExactly("DEACTIVATE", "UNLOCK", "LOCK", "ACTIVATE", "INVITE");
    }

    @Test
    void theUserListPagesByUsernameByKeyset() {
        String prefix = Accounts.uniqueName("page");
        for (String suffix : List.of("-a", "-b", "-c")) {
            accounts.invite(prefix + suffix, "USER");
        }
        Api.Response lockB = superadmin.put("api/users/" + prefix + "-b/state")
                .json(Api.json("state", "LOCKED", "reason", "to filter by state")).send();
        assertThat(lockB.status()).as("%s", lockB).isEqualTo(200);

        // No other username sorts between the prefix and prefix-a: '-' is the smallest allowed character.
        JsonObject first = users("limit=2&after=" + prefix);
        assertThat(usernames(first)).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(first.getString("next")).isEqualTo(prefix + "-b");

        JsonObject second = users("limit=2&after=" + first.getString("next"));
        List<String> secondNames = usernames(second);
        assertThat(secondNames).first().isEqualTo(prefix + "-c");
        assertThat(secondNames).isSorted().doesNotContain(prefix + "-a", prefix + "-b");

        JsonObject invited = users("state=INVITED&limit=2&after=" + prefix);
        assertThat(usernames(invited)).containsExactly(prefix + "-a", prefix + "-c");
        assertThat(invited.getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(item -> assertThat(item.getString("state")).isEqualTo("INVITED"));
    }

    private JsonObject users(String query) {
        Api.Response page = superadmin.get("api/users?" + query).send();
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json();
    }

    private static List<String> usernames(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("username")).toList();
    }

    private static String etag(JsonObject user) {
        return "\"" + user.getJsonNumber("version").longValue() + "\"";
    }

    /**
     * The request wrote exactly one row, appended to the user's earlier rows, with the request's
     * provenance: our request id (also echoed), the client's address and origin HTTP_API.
     */
    private AuditRow assertOneNewRow(List<AuditRow> before, String username, String requestId, Api.Response response) {
        assertThat(response.header(Api.REQUEST_ID)).contains(requestId);
        List<AuditRow> after = db.rowsOf(username);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        AuditRow row = after.get(after.size() - 1);
        assertThat(db.rowsOfRequest(requestId)).containsExactly(row);
        assertThat(row.origin()).isEqualTo("HTTP_API");
        assertThat(row.ipAddress()).isIn(api.clientAddresses());
        assertThat(row.occurredAt()).isNotNull();
        return row;
    }
}
