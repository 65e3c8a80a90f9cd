package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;

/**
 * Records as of a moment, rebuilt from their audit rows, at every boundary: exactly at a change
 * (included), between two changes, before the creation and after the deletion (404); and the
 * history of an entity, newest first, in keyset pages. Masked attributes stay masked.
 */
class EntityHistoryIT extends ApplicationIT {

    private static final Duration TICK = Duration.ofNanos(1_000);
    private static final Comparator<JsonObject> OLDEST_FIRST = Comparator.comparingLong(row -> row.getJsonNumber("id").longValue());

    @Test
    void aUserIsRebuiltAtEachChangeOfItsStateAndBetweenThem() {
        String username = accounts.invite("USER").username();
        transition(username, "ACTIVATE");
        transition(username, "LOCK");
        Api.Response overridden = superadmin.put("api/users/" + username + "/state")
                .json(Api.json("state", "DEACTIVATED", "reason", "it: as-of")).send();
        assertThat(overridden.status()).as("%s", overridden).isEqualTo(200);

        List<JsonObject> rows = superadmin.get("api/audit/state-changes?username=" + username).send().json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().sorted(OLDEST_FIRST).toList();
        assertThat(rows).extracting(row -> row.getString("event"))
                .containsExactly("INVITE", "ACTIVATE", "LOCK", "OVERRIDE");

        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i);
            Instant at = Instant.parse(row.getString("occurredAt"));
            JsonObject then = userAsOf(username, at, 200);
            assertThat(then.getString("state")).as("state at the %s itself", row.getString("event"))
                    .isEqualTo(row.getString("endState"));
            assertThat(then.getJsonNumber("stateRowId").longValue()).isEqualTo(row.getJsonNumber("id").longValue());
            assertThat(then.getString("email")).isEqualTo(username + "@example.test");
            assertThat(then.getString("role")).isEqualTo("USER");
            if (i + 1 < rows.size()) {
                Instant next = Instant.parse(rows.get(i + 1).getString("occurredAt"));
                Instant between = at.plus(Duration.between(at, next).dividedBy(2));
                assertThat(userAsOf(username, between, 200).getString("state"))
                        .as("state between the %s and the next change", row.getString("event"))
                        .isEqualTo(row.getString("endState"));
                assertThat(userAsOf(username, next.minus(TICK), 200).getString("state"))
                        .as("state a microsecond before the change that follows the %s", row.getString("event"))
                        .isEqualTo(row.getString("endState"));
            }
        }
        Instant invited = Instant.parse(rows.get(0).getString("occurredAt"));
        assertProblem(superadmin.get("api/users/" + username + "?asOf=" + invited.minus(TICK)).send(), 404);
        assertThat(userAsOf(username, Instant.parse("9999-01-01T00:00:00Z"), 200).getString("state"))
                .isEqualTo("DEACTIVATED");

        List<JsonObject> entityRows = superadmin.get("api/audit/entities/UserAccount/" + username + "/history").send()
                .json().getJsonArray("items").getValuesAs(JsonObject.class).stream().sorted(OLDEST_FIRST).toList();
        Instant created = Instant.parse(entityRows.get(0).getString("occurredAt"));
        JsonObject entity = superadmin.get("api/audit/entities/UserAccount/" + username + "?asOf=" + created).send()
                .json();
        assertThat(entity.getJsonObject("attributes").getString("invitationTokenHash"))
                .as("a masked attribute as of a moment").isEqualTo("***");
        assertThat(entity.getJsonObject("attributes").getString("state")).isEqualTo("INVITED");
        assertThat(entity.getJsonObject("upTo").getString("action")).isEqualTo("CREATE");
    }

    @Test
    void anAsOfQueryNeedsAnAdministratorAndAnInstant() {
        Accounts.Active user = accounts.active("USER");
        Api self = user.client(api);
        assertThat(self.get("api/users/" + user.username()).send().status()).isEqualTo(200);
        assertProblem(self.get("api/users/" + user.username() + "?asOf=" + Instant.now()).send(), 403);
        assertProblem(superadmin.get("api/users/" + user.username() + "?asOf=yesterday").send(), 400);
        assertProblem(superadmin.get("api/audit/entities/Group/none?asOf=+999999999-12-31T23:59:59Z").send(), 400);
        assertProblem(superadmin.get("api/audit/entities/Group/" + Accounts.uniqueName("never")).send(), 404);
    }

    @Test
    void aGroupIsRebuiltWithItsAttributesAndMembersAtEveryChangeUntilItsDeletion() {
        String member = accounts.invite("USER").username();
        String other = accounts.invite("USER").username();
        String name = Accounts.uniqueName("asof");
        List<String> sent = List.of("POST", "PATCH", "PUT " + member, "PUT " + other, "DELETE " + member, "DELETE");
        send(superadmin.post("api/groups").json(Api.json("name", name, "description", "first")));
        send(superadmin.patch("api/groups/" + name).json(Api.json("description", "second")));
        send(superadmin.put("api/groups/" + name + "/members/" + member));
        send(superadmin.put("api/groups/" + name + "/members/" + other));
        send(superadmin.delete("api/groups/" + name + "/members/" + member));
        send(superadmin.delete("api/groups/" + name));

        List<JsonObject> newestFirst = history(name);
        assertThat(newestFirst).extracting(row -> row.getJsonNumber("id").longValue()).isSortedAccordingTo(
                (a, b) -> Long.compare(b, a));
        List<JsonObject> rows = newestFirst.stream().sorted(OLDEST_FIRST).toList();
        assertThat(rows.get(0).getString("action")).isEqualTo("CREATE");
        assertThat(rows.get(rows.size() - 1).getString("action")).isEqualTo("DELETE");
        assertThat(rows).as("one row per change, the last member leaving with the deletion: %s", sent)
                .hasSizeBetween(sent.size(), sent.size() + 1);

        List<Expected> expected = List.of(
                new Expected("first", List.of()),
                new Expected("second", List.of()),
                new Expected("second", List.of(member)),
                new Expected("second", sorted(member, other)),
                new Expected("second", List.of(other)));
        for (int i = 0; i < expected.size(); i++) {
            Instant at = Instant.parse(rows.get(i).getString("occurredAt"));
            Instant next = Instant.parse(rows.get(i + 1).getString("occurredAt"));
            for (Instant moment : List.of(at, at.plus(Duration.between(at, next).dividedBy(2)), next.minus(TICK))) {
                JsonObject then = superadmin.get("api/audit/entities/Group/" + name + "?asOf=" + moment).send().json();
                JsonObject attributes = then.getJsonObject("attributes");
                assertThat(attributes.getString("description")).as("description at %s (step %d)", moment, i)
                        .isEqualTo(expected.get(i).description());
                assertThat(members(attributes)).as("members at %s (step %d)", moment, i)
                        .isEqualTo(expected.get(i).members());
                assertThat(then.getJsonObject("upTo").getJsonNumber("id").longValue())
                        .isEqualTo(rows.get(i).getJsonNumber("id").longValue());
            }
        }
        Instant created = Instant.parse(rows.get(0).getString("occurredAt"));
        Instant deleted = Instant.parse(rows.get(rows.size() - 1).getString("occurredAt"));
        assertProblem(superadmin.get("api/audit/entities/Group/" + name + "?asOf=" + created.minus(TICK)).send(), 404);
        assertProblem(superadmin.get("api/audit/entities/Group/" + name + "?asOf=" + deleted).send(), 404);
        assertProblem(superadmin.get("api/audit/entities/Group/" + name).send(), 404);
    }

    private record Expected(String description, List<String> members) {
    }

    private static List<String> sorted(String... names) {
        return Arrays.stream(names).sorted().toList();
    }

    private static List<String> members(JsonObject attributes) {
        JsonValue members = attributes.get("members");
        return members == null ? List.of() : members.asJsonArray().getValuesAs(JsonString::getString);
    }

    /** Every row of the group's history, two to a page, following {@code next}. */
    private List<JsonObject> history(String name) {
        List<JsonObject> rows = new ArrayList<>();
        String after = "";
        do {
            JsonObject page = superadmin.get("api/audit/entities/Group/" + name + "/history?limit=2" + after).send().json();
            rows.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            after = page.isNull("next") ? null : "&after=" + page.getString("next");
        } while (after != null);
        return rows;
    }

    private JsonObject userAsOf(String username, Instant at, int status) {
        Api.Response then = superadmin.get("api/users/" + username + "?asOf=" + at).send();
        assertThat(then.status()).as("%s as of %s: %s", username, at, then).isEqualTo(status);
        return then.json();
    }

    private void transition(String username, String event) {
        send(superadmin.post("api/users/" + username + "/transitions").json(Api.json("event", event, "reason", "it")));
    }

    private static void send(Api.Call call) {
        Api.Response response = call.send();
        assertThat(response.status()).as("%s", response).isBetween(200, 204);
    }
}
