package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signalaudit.testing.AuditDatabase.literal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase;

/**
 * The audit tables are append-only for the application, and whatever a database superuser does
 * to them behind its back (edit, delete, insert) the verify finds at the row where it happened;
 * a user whose state changed without a row, the replay check finds.
 * Each tampering is undone in a finally block, so the shared test database stays intact.
 */
class IntegrityIT extends ApplicationIT {

    private static final List<String> AUDIT_TABLES = List.of("user_state_audit", "entity_audit", "request_audit",
            "login_audit");

    /** The superuser's statements skip ordinary triggers, the append-only one included. */
    private static final String BEHIND_THE_TRIGGERS = "SET session_replication_role = replica; ";

    private AuditDatabase attacker;

    @BeforeEach
    void attacker() {
        attacker = db.asSuperuser();
    }

    @Test
    void everyChainVerifiesAfterEveryKindOfWriteAndTheUsersHistoryReplays() {
        String username = accounts.active("USER").username();
        superadmin.post("api/users/" + username + "/transitions").json(Api.json("event", "LOCK")).send();
        api.as(username, "not-the-password").get("api/users").send();
        String requestId = Api.newRequestId();
        superadmin.get("api/users").requestId(requestId).send();
        db.awaitRequestRow(requestId);

        JsonObject report = verify();

        assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
        for (JsonObject chain : report.getJsonArray("chains").getValuesAs(JsonObject.class)) {
            assertThat(chain.getJsonNumber("rows").longValue()).as("%s", chain).isPositive()
                    .isEqualTo(chain.getJsonNumber("headSeq").longValue());
            assertThat(chain.getString("headHash")).matches("[0-9a-f]{64}");
        }
        assertThat(report.getJsonArray("chains").getValuesAs(JsonObject.class))
                .extracting(chain -> chain.getString("table")).containsExactlyElementsOf(AUDIT_TABLES);
        assertThat(replayMismatchesOf(username)).isEmpty();
    }

    @Test
    void theReplayFindsAUserWhoseStateChangedWithoutARow() {
        String username = accounts.active("USER").username();
        assertThat(replayMismatchesOf(username)).isEmpty();
        attacker.execute("UPDATE user_account SET state = 'DEACTIVATED' WHERE username = " + literal(username));
        try {
            assertThat(replayMismatchesOf(username)).singleElement().satisfies(mismatch -> {
                assertThat(mismatch.getString("problem")).isEqualTo("STATE_DIFFERS");
                assertThat(mismatch.getString("detail")).isEqualTo("the rows lead to ACTIVE but the user is DEACTIVATED");
            });
        } finally {
            attacker.execute("UPDATE user_account SET state = 'ACTIVE' WHERE username = " + literal(username));
        }
        assertThat(replayMismatchesOf(username)).isEmpty();
    }

    @Test
    void theApplicationsRoleMayNotUpdateDeleteOrTruncateAuditRows() {
        for (String table : AUDIT_TABLES) {
            assertThatThrownBy(() -> db.execute("UPDATE " + table + " SET occurred_at = occurred_at"))
                    .as(table).hasRootCauseMessage("ERROR: permission denied for table " + table);
            assertThatThrownBy(() -> db.execute("DELETE FROM " + table))
                    .as(table).hasRootCauseMessage("ERROR: permission denied for table " + table);
            assertThatThrownBy(() -> db.execute("TRUNCATE " + table))
                    .as(table).hasRootCauseMessage("ERROR: permission denied for table " + table);
        }
    }

    @Test
    void theTriggerRefusesEvenTheSuperuserUnlessTriggersAreSwitchedOff() {
        for (String table : AUDIT_TABLES) {
            assertThatThrownBy(() -> attacker.execute("UPDATE " + table + " SET occurred_at = occurred_at"))
                    .as(table).rootCause().hasMessageContaining("audit table " + table + " is append-only: UPDATE refused");
            assertThatThrownBy(() -> attacker.execute("DELETE FROM " + table))
                    .as(table).rootCause().hasMessageContaining("append-only: DELETE refused");
            assertThatThrownBy(() -> attacker.execute("TRUNCATE " + table))
                    .as(table).rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        }
    }

    @Test
    void anEditedStateRowIsFoundWhereItWasEdited() {
        Map<String, Object> row = stateRowOfANewUser();
        long id = (Long) row.get("id");
        attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE user_state_audit SET initiated_by = 'someone-else' WHERE id = " + id);
        try {
            assertBreak("user_state_audit", "EDITED", (Long) row.get("chain_seq"), id);
        } finally {
            attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE user_state_audit SET initiated_by = "
                    + literal((String) row.get("initiated_by")) + " WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    @Test
    void anEditedEntityChangeIsFoundThoughJsonbRewritesTheDocument() {
        String username = accounts.active("USER").username();
        String requestId = Api.newRequestId();
        superadmin.post("api/users/" + username + "/transitions").requestId(requestId)
                .json(Api.json("event", "LOCK")).send();
        Map<String, Object> row = attacker.select("SELECT id, chain_seq, changes::text AS changes FROM entity_audit "
                + "WHERE request_id = ? ORDER BY chain_seq LIMIT 1", requestId).get(0);
        long id = (Long) row.get("id");
        attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE entity_audit SET changes = jsonb_set(changes, '{state,new}', "
                + "'\"ACTIVE\"') WHERE id = " + id);
        try {
            assertBreak("entity_audit", "EDITED", (Long) row.get("chain_seq"), id);
        } finally {
            attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE entity_audit SET changes = CAST("
                    + literal((String) row.get("changes")) + " AS jsonb) WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    @Test
    void aDeletedRowIsFoundAtTheGapItLeaves() {
        Map<String, Object> row = stateRowOfANewUser();
        accounts.active("USER"); // a later row, so the deleted one is not the chain's last
        long id = (Long) row.get("id");
        String saved = "it_saved_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        attacker.execute("CREATE TABLE " + saved + " AS SELECT * FROM user_state_audit WHERE id = " + id);
        try {
            attacker.execute(BEHIND_THE_TRIGGERS + "DELETE FROM user_state_audit WHERE id = " + id);
            try {
                assertBreak("user_state_audit", "DELETED", (Long) row.get("chain_seq"), null);
            } finally {
                attacker.execute("INSERT INTO user_state_audit SELECT * FROM " + saved);
            }
        } finally {
            attacker.execute("DROP TABLE " + saved);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    @Test
    void anInsertedRowIsFoundEvenWhenItLinksToTheLastRow() {
        stateRowOfANewUser();
        Map<String, Object> head = attacker.select("SELECT last_seq, last_hash FROM audit_chain "
                + "WHERE chain_name = 'user_state_audit'").get(0);
        long position = (Long) head.get("last_seq") + 1;
        long id = attacker.queryForLong("SELECT nextval('user_state_audit_seq')");
        attacker.execute("INSERT INTO user_state_audit (id, username, initiated_by, start_state, end_state, occurred_at, "
                + "origin, event, reason, chain_seq, prev_hash, row_hash) VALUES (" + id + ", 'superadmin', "
                + "'system:bootstrap', 'ACTIVE', 'DEACTIVATED', now(), 'SYSTEM', 'DEACTIVATE', 'forged', " + position + ", "
                + literal((String) head.get("last_hash")) + ", " + literal("f".repeat(64)) + ")");
        try {
            assertBreak("user_state_audit", "INSERTED", position, id);
        } finally {
            attacker.execute(BEHIND_THE_TRIGGERS + "DELETE FROM user_state_audit WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    private Map<String, Object> stateRowOfANewUser() {
        String username = accounts.invite("USER").username();
        return db.select("SELECT * FROM user_state_audit WHERE username = ?", username).get(0);
    }

    /**
     * The replay's mismatches for one user. The shared test database also holds users that other
     * tests create inside the server without the state machine (no rows: NO_HISTORY), so the test
     * looks at its own users only; the reliability tests check whole databases of their own.
     */
    private List<JsonObject> replayMismatchesOf(String username) {
        Api.Response response = superadmin.get("api/audit/replay-check").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonObject replay = response.json();
        assertThat(replay.getJsonNumber("mismatchCount").longValue()).as("all listed: %s", replay)
                .isLessThanOrEqualTo(replay.getJsonArray("mismatches").size());
        return replay.getJsonArray("mismatches").getValuesAs(JsonObject.class).stream()
                .filter(mismatch -> mismatch.getString("username").equals(username)).toList();
    }

    private JsonObject verify() {
        Api.Response response = superadmin.get("api/audit/verify").send();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private void assertBreak(String table, String kind, long chainSeq, Long rowId) {
        JsonObject report = verify();
        assertThat(report.getBoolean("intact")).as("%s", report).isFalse();
        JsonObject chain = report.getJsonArray("chains").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("table").equals(table)).findFirst().orElseThrow();
        assertThat(chain.getBoolean("intact")).isFalse();
        JsonObject firstBreak = chain.getJsonObject("firstBreak");
        assertThat(firstBreak.getString("kind")).as("%s", firstBreak).isEqualTo(kind);
        assertThat(firstBreak.getJsonNumber("chainSeq").longValue()).as("%s", firstBreak).isEqualTo(chainSeq);
        if (rowId == null) {
            assertThat(firstBreak.containsKey("rowId")).as("no row where one is missing: %s", firstBreak).isFalse();
        } else {
            assertThat(firstBreak.getJsonNumber("rowId").longValue()).as("%s", firstBreak).isEqualTo(rowId);
        }
        assertThat(chain.getJsonNumber("rows").longValue()).as("rows proven before the break").isEqualTo(chainSeq - 1);
    }
}
