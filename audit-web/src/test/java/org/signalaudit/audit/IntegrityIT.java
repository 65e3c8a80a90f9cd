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
import org.signalaudit.testing.Sealing;

/**
 * The audit tables and the sealed log's tree are append-only for the application, and whatever a
 * database superuser does to sealed rows behind its back (edit, delete, insert, swap) the verify
 * finds at the leaf and row where it happened; a user whose state changed without a row, the
 * replay check finds. Each tampering is undone in a finally block, so the shared test database
 * stays intact (the continuous check, which would also see it, runs hourly on this server;
 * SealedLogIT proves it on a server of its own).
 */
class IntegrityIT extends ApplicationIT {

    private static final List<String> AUDIT_TABLES = List.of("user_state_audit", "entity_audit", "request_audit",
            "login_audit", "audit_leaf", "audit_node", "audit_checkpoint");

    /** The superuser's statements skip ordinary triggers, the append-only one included. */
    private static final String BEHIND_THE_TRIGGERS = "SET session_replication_role = replica; ";

    private AuditDatabase attacker;

    @BeforeEach
    void attacker() {
        attacker = db.asSuperuser();
    }

    @Test
    void everyTableVerifiesAfterEveryKindOfWriteAndTheUsersHistoryReplays() {
        String username = accounts.active("USER").username();
        superadmin.post("api/users/" + username + "/transitions").json(Api.json("event", "LOCK")).send();
        api.as(username, "not-the-password").get("api/users").send();
        String requestId = Api.newRequestId();
        superadmin.get("api/users").requestId(requestId).send();
        long requestRow = (Long) db.awaitRequestRow(requestId).get("id");
        Sealing.awaitSealed(db, "request", requestRow);

        JsonObject report = verify();

        assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
        assertThat(report.getJsonArray("tables").getValuesAs(JsonObject.class))
                .extracting(table -> table.getString("table")).containsExactly("state", "entity", "request", "login");
        for (JsonObject table : report.getJsonArray("tables").getValuesAs(JsonObject.class)) {
            assertThat(table.getJsonNumber("rows").longValue()).as("%s", table).isPositive();
        }
        assertThat(report.getJsonNumber("treeSize").longValue()).isGreaterThanOrEqualTo(report.getJsonNumber("rows").longValue());
        assertThat(report.getString("rootHash")).matches("[0-9a-f]{64}");
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
    void theApplicationsRoleMayNotUpdateDeleteOrTruncateAuditRowsNorTheTree() {
        for (String table : AUDIT_TABLES) {
            String column = table.startsWith("audit_") ? primaryColumnOf(table) : "occurred_at";
            assertThatThrownBy(() -> db.execute("UPDATE " + table + " SET " + column + " = " + column))
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
            String column = table.startsWith("audit_") ? primaryColumnOf(table) : "occurred_at";
            assertThatThrownBy(() -> attacker.execute("UPDATE " + table + " SET " + column + " = " + column))
                    .as(table).rootCause().hasMessageContaining("audit table " + table + " is append-only: UPDATE refused");
            assertThatThrownBy(() -> attacker.execute("DELETE FROM " + table))
                    .as(table).rootCause().hasMessageContaining("append-only: DELETE refused");
            assertThatThrownBy(() -> attacker.execute("TRUNCATE " + table))
                    .as(table).rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        }
    }

    @Test
    void anEditedStateRowIsFoundWhereItWasEdited() {
        Map<String, Object> row = sealedStateRowOfANewUser();
        long id = (Long) row.get("id");
        attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE user_state_audit SET initiated_by = 'someone-else' WHERE id = " + id);
        try {
            assertBreak("state", "EDITED", Sealing.awaitSealed(db, "state", id), id);
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
        Map<String, Object> row = attacker.select("SELECT id, changes::text AS changes FROM entity_audit "
                + "WHERE request_id = ? ORDER BY id LIMIT 1", requestId).get(0);
        long id = (Long) row.get("id");
        long leaf = Sealing.awaitSealed(db, "entity", id);
        attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE entity_audit SET changes = jsonb_set(changes, '{state,new}', "
                + "'\"ACTIVE\"') WHERE id = " + id);
        try {
            assertBreak("entity", "EDITED", leaf, id);
        } finally {
            attacker.execute(BEHIND_THE_TRIGGERS + "UPDATE entity_audit SET changes = CAST("
                    + literal((String) row.get("changes")) + " AS jsonb) WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    @Test
    void aDeletedRowIsFoundAtItsLeaf() {
        Map<String, Object> row = sealedStateRowOfANewUser();
        long id = (Long) row.get("id");
        long leaf = Sealing.awaitSealed(db, "state", id);
        String saved = "it_saved_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        attacker.execute("CREATE TABLE " + saved + " AS SELECT * FROM user_state_audit WHERE id = " + id);
        try {
            attacker.execute(BEHIND_THE_TRIGGERS + "DELETE FROM user_state_audit WHERE id = " + id);
            try {
                assertBreak("state", "DELETED", leaf, id);
            } finally {
                attacker.execute("INSERT INTO user_state_audit SELECT * FROM " + saved);
            }
        } finally {
            attacker.execute("DROP TABLE " + saved);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    /** An attacker who wants a row to look old writes it as an old transaction: it lands among sealed rows. */
    @Test
    void aRowInsertedAmongTheSealedRowsIsFound() {
        Map<String, Object> sealed = sealedStateRowOfANewUser();
        String oldTransaction = attacker.select("SELECT written_by::text AS xid FROM user_state_audit WHERE id = ?",
                sealed.get("id")).get(0).get("xid").toString();
        long id = attacker.queryForLong("SELECT nextval('user_state_audit_seq')");
        attacker.execute("INSERT INTO user_state_audit (id, username, initiated_by, start_state, end_state, occurred_at, "
                + "origin, event, reason, written_by) VALUES (" + id + ", 'superadmin', 'system:bootstrap', 'ACTIVE', "
                + "'DEACTIVATED', now(), 'SYSTEM', 'DEACTIVATE', 'forged', '" + oldTransaction + "'::xid8)");
        try {
            assertBreak("state", "INSERTED", -1, id);
        } finally {
            attacker.execute(BEHIND_THE_TRIGGERS + "DELETE FROM user_state_audit WHERE id = " + id);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    @Test
    void twoSealedRowsThatTradedContentsAreFoundReordered() {
        long firstId = (Long) sealedStateRowOfANewUser().get("id");
        long secondId = (Long) sealedStateRowOfANewUser().get("id");
        // One statement swaps every column the leaves cover; run twice, it swaps them back.
        String swap = BEHIND_THE_TRIGGERS + "UPDATE user_state_audit a SET username = b.username, "
                + "initiated_by = b.initiated_by, start_state = b.start_state, end_state = b.end_state, "
                + "occurred_at = b.occurred_at, ip_address = b.ip_address, origin = b.origin, event = b.event, "
                + "reason = b.reason, request_id = b.request_id FROM (SELECT * FROM user_state_audit WHERE id IN ("
                + firstId + ", " + secondId + ")) b WHERE a.id IN (" + firstId + ", " + secondId + ") AND b.id <> a.id";
        attacker.execute(swap);
        try {
            assertBreak("state", "REORDERED", Sealing.awaitSealed(db, "state", firstId), firstId);
        } finally {
            attacker.execute(swap);
        }
        assertThat(verify().getBoolean("intact")).as("restored").isTrue();
    }

    private static String primaryColumnOf(String table) {
        return switch (table) {
            case "audit_leaf" -> "leaf_index";
            case "audit_node" -> "node_index";
            default -> "tree_size";
        };
    }

    private Map<String, Object> sealedStateRowOfANewUser() {
        String username = accounts.invite("USER").username();
        Map<String, Object> row = db.select("SELECT id, username, initiated_by, occurred_at::text AS occurred_at "
                + "FROM user_state_audit WHERE username = ?", username).get(0);
        Sealing.awaitSealed(db, "state", (Long) row.get("id"));
        return row;
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

    private void assertBreak(String table, String kind, long leafIndex, long rowId) {
        JsonObject report = verify();
        assertThat(report.getBoolean("intact")).as("%s", report).isFalse();
        JsonObject tableReport = report.getJsonArray("tables").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("table").equals(table)).findFirst().orElseThrow();
        assertThat(tableReport.getBoolean("intact")).as("%s", tableReport).isFalse();
        JsonObject firstBreak = tableReport.getJsonObject("firstBreak");
        assertThat(firstBreak.getString("kind")).as("%s", firstBreak).isEqualTo(kind);
        assertThat(firstBreak.getJsonNumber("leafIndex").longValue()).as("%s", firstBreak).isEqualTo(leafIndex);
        assertThat(firstBreak.getJsonNumber("rowId").longValue()).as("%s", firstBreak).isEqualTo(rowId);
    }
}
