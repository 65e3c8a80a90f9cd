package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.signalaudit.testing.AuditDatabase.literal;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase.EntityRow;
import org.signalaudit.testing.AuditDatabase.Trigger;

/**
 * Groups through the REST API, and the field-level audit every change leaves in
 * {@code entity_audit}: one row per changed entity and request, with its diff and provenance,
 * none for a change that changes nothing, none when the change rolls back, and no change when
 * the row cannot be written.
 */
class GroupsApiIT extends ApplicationIT {

    @Test
    void everyChangeOfAGroupThroughTheApiWritesItsRowWithTheDiff() {
        Accounts.Active admin = accounts.active("ADMIN");
        Api asAdmin = admin.client(api);
        String member = accounts.invite("USER").username();
        String name = Accounts.uniqueName("group");

        String createId = Api.newRequestId();
        Api.Response created = asAdmin.post("api/groups").requestId(createId)
                .json(Api.json("name", name, "description", "first")).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/groups/" + name));
        assertThat(created.json().getString("description")).isEqualTo("first");
        EntityRow creation = onlyRowOf(createId, created);
        assertThat(creation).extracting(EntityRow::entityType, EntityRow::entityId, EntityRow::action, EntityRow::initiatedBy)
                .containsExactly("Group", name, "CREATE", admin.username());
        assertThat(creation.changes()).isEqualTo(json("{'name': {'old': null, 'new': '" + name + "'}, "
                + "'description': {'old': null, 'new': 'first'}}"));

        String describeId = Api.newRequestId();
        Api.Response described = asAdmin.patch("api/groups/" + name).requestId(describeId)
                .json(Api.json("description", "second")).send();
        assertThat(described.status()).as("%s", described).isEqualTo(200);
        assertThat(onlyRowOf(describeId, described).changes())
                .isEqualTo(json("{'description': {'old': 'first', 'new': 'second'}}"));

        String unchangedId = Api.newRequestId();
        Api.Response unchanged = asAdmin.patch("api/groups/" + name).requestId(unchangedId)
                .json(Api.json("description", "second")).send();
        assertThat(unchanged.status()).as("%s", unchanged).isEqualTo(200);
        assertThat(db.entityRowsOfRequest(unchangedId)).as("rows of a change that changes nothing").isEmpty();

        String joinId = Api.newRequestId();
        Api.Response joined = asAdmin.put("api/groups/" + name + "/members/" + member).requestId(joinId).send();
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        assertThat(joined.json().getJsonArray("members")).containsExactly(Json.createValue(member));
        assertThat(db.entityRowsOfRequest(joinId)).extracting(EntityRow::entityType, EntityRow::entityId, EntityRow::changes)
                .containsExactlyInAnyOrder(
                        tuple("Group", name, json("{'members': {'added': ['" + member + "'], 'removed': []}}")),
                        tuple("UserAccount", member, json("{'groups': {'added': ['" + name + "'], 'removed': []}}")));

        String rejoinId = Api.newRequestId();
        assertThat(asAdmin.put("api/groups/" + name + "/members/" + member).requestId(rejoinId).send().status()).isEqualTo(200);
        assertThat(db.entityRowsOfRequest(rejoinId)).as("rows of adding a member again").isEmpty();

        String leaveId = Api.newRequestId();
        Api.Response left = asAdmin.delete("api/groups/" + name + "/members/" + member).requestId(leaveId).send();
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        assertThat(db.entityRowsOfRequest(leaveId)).extracting(EntityRow::entityType, EntityRow::changes)
                .containsExactlyInAnyOrder(
                        tuple("Group", json("{'members': {'added': [], 'removed': ['" + member + "']}}")),
                        tuple("UserAccount", json("{'groups': {'added': [], 'removed': ['" + name + "']}}")));
        assertProblem(asAdmin.delete("api/groups/" + name + "/members/" + member).send(), 404);

        String deleteId = Api.newRequestId();
        Api.Response deleted = asAdmin.delete("api/groups/" + name).requestId(deleteId).send();
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(onlyRowOf(deleteId, deleted).changes()).isEqualTo(json("{'name': {'old': '" + name + "', 'new': null}, "
                + "'description': {'old': 'second', 'new': null}}"));
        assertProblem(asAdmin.get("api/groups/" + name).send(), 404);

        // The log through the API: newest first, page by page.
        List<JsonObject> history = new ArrayList<>();
        String after = "";
        do {
            Api.Response page = asAdmin.get("api/audit/entity-changes?type=Group&id=" + name + "&limit=2" + after).send();
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(history::add);
            JsonValue next = page.json().get("next");
            after = next.getValueType() == JsonValue.ValueType.NULL ? null : "&after=" + ((JsonString) next).getString();
        } while (after != null);
        assertThat(history).extracting(row -> row.getString("action"), row -> row.getString("requestId"))
                .containsExactly(tuple("DELETE", deleteId), tuple("UPDATE", leaveId), tuple("UPDATE", joinId),
                        tuple("UPDATE", describeId), tuple("CREATE", createId));
        assertThat(history.get(3).getJsonObject("changes")).isEqualTo(json("{'description': {'old': 'first', 'new': 'second'}}"));
        assertThat(history).allSatisfy(row -> assertThat(row.getString("initiatedBy")).isEqualTo(admin.username()));
    }

    @Test
    void aUsersChangesAreAuditedFieldByFieldWithTheSecretsMasked() throws Exception {
        String username = Accounts.uniqueName("masked");
        String inviteId = Api.newRequestId();
        Api.Response invited = superadmin.post("api/users").requestId(inviteId)
                .json(Api.json("username", username, "email", username + "@example.test", "role", "USER")).send();
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        String token = invited.json().getString("invitationToken");
        EntityRow creation = onlyRowOf(inviteId, invited);
        assertThat(creation).extracting(EntityRow::entityType, EntityRow::entityId, EntityRow::action, EntityRow::initiatedBy)
                .containsExactly("UserAccount", username, "CREATE", Api.SUPERADMIN);
        assertThat(creation.changes()).isEqualTo(json("{'username': {'old': null, 'new': '" + username + "'}, "
                + "'email': {'old': null, 'new': '" + username + "@example.test'}, 'role': {'old': null, 'new': 'USER'}, "
                + "'state': {'old': null, 'new': 'INVITED'}, 'invitationTokenHash': {'old': null, 'new': '***'}}"));

        String acceptId = Api.newRequestId();
        Api.Response accepted = api.post("api/invitations/accept").requestId(acceptId)
                .json(Api.json("username", username, "token", token, "password", "a-long-enough-password")).send();
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        EntityRow acceptance = onlyRowOf(acceptId, accepted);
        assertThat(acceptance.initiatedBy()).as("the invited user accepts for themself").isEqualTo(username);
        assertThat(acceptance.changes()).isEqualTo(json("{'state': {'old': 'INVITED', 'new': 'ACTIVE'}, "
                + "'passwordHash': {'old': null, 'new': '***'}, 'invitationTokenHash': {'old': '***', 'new': null}}"));

        String lockId = Api.newRequestId();
        Api.Response locked = superadmin.post("api/users/" + username + "/transitions").requestId(lockId)
                .json(Api.json("event", "LOCK")).send();
        assertThat(locked.status()).as("%s", locked).isEqualTo(200);
        assertThat(onlyRowOf(lockId, locked).changes()).isEqualTo(json("{'state': {'old': 'ACTIVE', 'new': 'LOCKED'}}"));
        assertThat(db.rowsOfRequest(lockId)).as("the state audit row stays as it is").hasSize(1);

        String tokenHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        for (String secret : List.of(token, tokenHash, "PBKDF2")) {
            assertThat(db.queryForLong("SELECT COUNT(*) FROM entity_audit WHERE changes::text LIKE " + literal("%" + secret + "%")))
                    .as("rows holding a secret").isZero();
        }
    }

    @Test
    void refusalsAreProblemsWithTheRequestId() {
        String name = Accounts.uniqueName("refused");
        assertThat(superadmin.post("api/groups").json(Api.json("name", name)).send().status()).isEqualTo(201);
        Api asUser = accounts.active("USER").client(api);

        assertProblem(superadmin.post("api/groups").json(Api.json("name", "Not A Handle")).send(), 400);
        assertProblem(superadmin.post("api/groups").body("").send(), 400);
        assertProblem(superadmin.post("api/groups").json(Api.json("name", name)).send(), 409);
        assertProblem(superadmin.get("api/groups/" + name + "-missing").send(), 404);
        assertProblem(superadmin.patch("api/groups/" + name + "-missing").json(Api.json("description", "x")).send(), 404);
        assertProblem(superadmin.patch("api/groups/" + name).json(Json.createObjectBuilder().build()).send(), 400);
        assertProblem(superadmin.put("api/groups/" + name + "/members/" + name + "-nobody").send(), 404);
        assertProblem(asUser.get("api/groups").send(), 403);
        assertProblem(asUser.get("api/audit/entity-changes").send(), 403);
        assertProblem(superadmin.get("api/audit/entity-changes?limit=0").send(), 400);
        assertProblem(superadmin.get("api/audit/entity-changes?from=yesterday").send(), 400);
        assertThat(superadmin.get("api/groups?limit=200").send().json().getJsonArray("items"))
                .extracting(group -> group.asJsonObject().getString("name")).contains(name);
    }

    @Test
    void aFailingAuditInsertRollsTheChangeBack() {
        String name = Accounts.uniqueName("unaudited");
        assertThat(superadmin.post("api/groups").json(Api.json("name", name, "description", "kept")).send().status())
                .isEqualTo(201);
        List<EntityRow> before = db.entityRowsOf("Group", name);
        String requestId = Api.newRequestId();
        try (Trigger refuseAuditRow = db.createTrigger("entity_audit",
                "CREATE TRIGGER {trigger} BEFORE INSERT ON entity_audit FOR EACH ROW"
                        + " WHEN (NEW.entity_id = " + literal(name) + ") EXECUTE FUNCTION {function}()",
                "RAISE EXCEPTION 'integration test refuses the entity audit row of %', NEW.entity_id;")) {

            Api.Response failed = superadmin.patch("api/groups/" + name).requestId(requestId)
                    .json(Api.json("description", "lost")).send();

            assertThat(failed.status()).as("%s", failed).isBetween(500, 599);
            assertProblem(failed, failed.status());
        }
        assertThat(superadmin.get("api/groups/" + name).send().json().getString("description")).isEqualTo("kept");
        assertThat(db.entityRowsOf("Group", name)).isEqualTo(before);
        assertThat(db.entityRowsOfRequest(requestId)).isEmpty();
    }

    @Test
    void aChangeWhoseCommitFailsLeavesNoRow() {
        String name = Accounts.uniqueName("uncommitted");
        assertThat(superadmin.post("api/groups").json(Api.json("name", name, "description", "kept")).send().status())
                .isEqualTo(201);
        List<EntityRow> before = db.entityRowsOf("Group", name);
        // Sequences ignore rollbacks: the trigger counts here that the UPDATE row was already written
        // in the failing transaction, so the test proves a rollback, not a row that never was.
        String witness = "it_witness_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.execute("CREATE SEQUENCE " + witness);
        String requestId = Api.newRequestId();
        try (Trigger refuseAtCommit = db.createTrigger("user_group",
                "CREATE CONSTRAINT TRIGGER {trigger} AFTER UPDATE ON user_group DEFERRABLE INITIALLY DEFERRED"
                        + " FOR EACH ROW WHEN (NEW.name = " + literal(name) + ") EXECUTE FUNCTION {function}()",
                "IF EXISTS (SELECT 1 FROM entity_audit WHERE entity_id = NEW.name AND action = 'UPDATE') THEN"
                        + " PERFORM nextval(" + literal(witness) + "); END IF;"
                        + " RAISE EXCEPTION 'integration test refuses the commit for %', NEW.name;")) {

            Api.Response failed = superadmin.patch("api/groups/" + name).requestId(requestId)
                    .json(Api.json("description", "lost")).send();

            assertThat(failed.status()).as("%s", failed).isBetween(500, 599);
            assertProblem(failed, failed.status());
            assertThat(db.queryForLong("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + witness))
                    .as("the entity audit row had been inserted when the commit failed").isEqualTo(1);
        } finally {
            db.execute("DROP SEQUENCE IF EXISTS " + witness);
        }
        assertThat(db.entityRowsOf("Group", name)).isEqualTo(before);
        assertThat(db.entityRowsOfRequest(requestId)).isEmpty();
    }

    /** The one row a request wrote, with the provenance every API row carries. */
    private EntityRow onlyRowOf(String requestId, Api.Response response) {
        assertThat(response.header(Api.REQUEST_ID)).contains(requestId);
        List<EntityRow> rows = db.entityRowsOfRequest(requestId);
        assertThat(rows).as("rows of request %s", requestId).hasSize(1);
        EntityRow row = rows.get(0);
        assertThat(row.origin()).isEqualTo("HTTP_API");
        assertThat(row.ipAddress()).isIn(api.clientAddresses());
        assertThat(row.occurredAt()).isNotNull();
        return row;
    }

    /** JSON written with single quotes for readability; compared as JSON, whatever the key order. */
    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }
}
