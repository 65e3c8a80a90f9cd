package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

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

    /**
     * An entity with a long history is answered from the replay states kept every 500 rows, and
     * exactly as a replay from its first row would: a state kept while a transaction that took a
     * smaller id was still open is counted at every use and not settled, and is forgotten when that
     * transaction's row commits late; a state edited in the database (its MAC fails) is not used;
     * states kept with no such transaction open are settled at once.
     */
    @Test
    void aLongHistoryIsAnsweredFromKeptReplayStatesOnlyWhileTheyAgreeWithTheRowsAndTheirMac() throws SQLException {
        String name = Accounts.uniqueName("kept");
        int changes = 1_200;
        String states = "SELECT count(*) FROM entity_replay_state WHERE entity_type = 'Group' AND entity_id = '"
                + name + "'";
        // The creation, then the description and the members changed in turn, a second apart.
        db.execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, origin,"
                + " occurred_at) VALUES ('Group', '" + name + "', 'CREATE',"
                + " '{\"description\": {\"new\": \"d1\"}}', 'it', 'SYSTEM', now() - interval '2 hours')");
        JsonObject now;
        try (Connection late = db.newConnection(); Statement lateRow = late.createStatement()) {
            // A transaction that takes its id now, inside its INSERT, and commits after many rows
            // with greater ids have (ids are taken at insert, commits happen in another order).
            late.setAutoCommit(false);
            lateRow.execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, origin,"
                    + " occurred_at) VALUES ('Group', '" + name + "', 'UPDATE',"
                    + " '{\"members\": {\"added\": [\"late\"], \"removed\": []}}', 'it', 'SYSTEM',"
                    + " now() - interval '2 hours')");
            db.execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, origin,"
                    + " occurred_at) SELECT 'Group', '" + name + "', 'UPDATE',"
                    + " CASE WHEN g % 2 = 1 THEN jsonb_build_object('description', jsonb_build_object('new', 'd' || g))"
                    + " ELSE jsonb_build_object('members', jsonb_build_object('added', jsonb_build_array('m' || (g % 7)),"
                    + " 'removed', jsonb_build_array('m' || ((g + 1) % 7)))) END, 'it', 'SYSTEM',"
                    + " now() - interval '2 hours' + make_interval(secs => g) FROM generate_series(2, " + changes + ") AS g");
            assertThat(db.queryForLong(states)).isZero();

            now = groupAsOf(name, null);
            assertThat(now.getString("description")).isEqualTo(expectedDescription(changes));
            assertThat(members(now)).isEqualTo(expectedMembers(changes));
            assertThat(db.queryForLong(states)).as("states kept at rows 500 and 1,000").isEqualTo(2);

            Instant atRow700 = Instant.parse(db.select("SELECT to_char(occurred_at AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS at FROM entity_audit WHERE entity_type = 'Group'"
                    + " AND entity_id = ? ORDER BY id OFFSET 699 LIMIT 1", name).get(0).get("at").toString());
            JsonObject middle = groupAsOf(name, atRow700);
            assertThat(middle.getString("description")).as("as of row 700, from the state at 500").isEqualTo(expectedDescription(700));
            assertThat(members(middle)).isEqualTo(expectedMembers(700));
            assertThat(groupAsOf(name, null)).as("answered again, from the state at 1,000").isEqualTo(now);
            assertThat(db.queryForLong(states + " AND settled")).as("settled while the late row's transaction is open")
                    .isZero();
            late.commit();
        }
        List<String> withTheLateRow = new ArrayList<>(expectedMembers(changes));
        withTheLateRow.add("late");
        JsonObject withIt = groupAsOf(name, null);
        assertThat(members(withIt)).as("a row with a smaller id committed late makes the states stale")
                .isEqualTo(withTheLateRow.stream().sorted().toList());
        assertThat(db.queryForLong(states + " AND settled")).as("kept again, with no transaction open that holds an"
                + " id up to them: settled at once").isEqualTo(2);
        assertThat(groupAsOf(name, null)).as("answered from the settled state").isEqualTo(withIt);

        db.asSuperuser().execute("UPDATE entity_replay_state SET state = regexp_replace(state, '\"d[0-9]+\"', '\"forged\"')"
                + " WHERE entity_type = 'Group' AND entity_id = '" + name + "'");
        assertThat(groupAsOf(name, null)).as("a forged state is not used").isEqualTo(withIt);
        assertThat(db.queryForLong(states)).as("and is made again").isEqualTo(2);
    }

    private JsonObject groupAsOf(String name, Instant asOf) {
        Api.Response then = superadmin.get("api/audit/entities/Group/" + name + (asOf == null ? "" : "?asOf=" + asOf))
                .send();
        assertThat(then.status()).as("%s", then).isEqualTo(200);
        return then.json().getJsonObject("attributes");
    }

    /** The description after the first {@code rows} rows of the long history: set by every odd row. */
    private static String expectedDescription(int rows) {
        return "d" + (rows % 2 == 1 ? rows : rows - 1);
    }

    /** The members after the first {@code rows} rows: every even row removes m((g+1)%7) and adds m(g%7). */
    private static List<String> expectedMembers(int rows) {
        TreeSet<String> members = new TreeSet<>();
        for (int g = 2; g <= rows; g += 2) {
            members.remove("m" + ((g + 1) % 7));
            members.add("m" + (g % 7));
        }
        return List.copyOf(members);
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
