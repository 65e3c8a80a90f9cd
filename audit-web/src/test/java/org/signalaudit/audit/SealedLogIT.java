package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.ProofChecker;
import org.signalaudit.testing.Sealing;

/**
 * The sealed log as an auditor meets it: rows of every table are sealed, their inclusion proofs,
 * the consistency of two checkpoints and the checkpoints' signatures check with an implementation
 * written from the RFCs in the test code ({@link ProofChecker}), not with the production classes;
 * bad requests are refused with problem+json; health and metrics report the sealer.
 */
class SealedLogIT extends ApplicationIT {

    @Test
    void aRowOfEachTableHasAnInclusionProofAgainstASignedCheckpoint() {
        String username = accounts.invite("USER").username();
        long stateRow = (Long) db.select("SELECT id FROM user_state_audit WHERE username = ?", username).get(0).get("id");
        long entityRow = (Long) db.select("SELECT id FROM entity_audit WHERE entity_id = ? ORDER BY id", username)
                .get(0).get("id");
        api.as(username, "not-the-password").get("api/users").send();
        long loginRow = (Long) db.select("SELECT max(id) AS id FROM login_audit WHERE username = ?", username)
                .get(0).get("id");
        String requestId = Api.newRequestId();
        superadmin.get("api/users").requestId(requestId).send();
        long requestRow = (Long) db.awaitRequestRow(requestId).get("id");
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("state", stateRow);
        rows.put("entity", entityRow);
        rows.put("login", loginRow);
        rows.put("request", requestRow);
        rows.forEach((table, id) -> Sealing.awaitSealed(db, table, id));

        JsonObject checkpoint = checkpoint();
        String verifierKey = superadmin.get("api/audit/checkpoint/key").send().json().getString("verifierKey");
        String body = ProofChecker.verifyNote(checkpoint.getString("note"), verifierKey);
        long size = checkpoint.getJsonNumber("treeSize").longValue();
        assertThat(body.split("\n")).containsExactly(verifierKey.split("\\+", 3)[0], Long.toString(size),
                Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(checkpoint.getString("rootHash"))));

        rows.forEach((table, id) -> {
            Api.Response answer = api.asSuperadmin().get("api/audit/proofs/inclusion?table=" + table + "&id=" + id
                    + "&treeSize=" + size).send();
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonObject proof = answer.json();
            byte[] leafData = Base64.getDecoder().decode(proof.getString("leafData"));
            assertThat(ProofChecker.leafHash(leafData)).isEqualTo(proof.getString("leafHash"));
            assertThat(fields(leafData)).containsEntry("table", table).containsEntry("id", Long.toString(id));
            assertThat(proof.getString("rootHash")).isEqualTo(checkpoint.getString("rootHash"));
            assertThat(ProofChecker.verifyInclusion(proof.getJsonNumber("leafIndex").longValue(), size,
                    proof.getString("leafHash"), hex(proof, "auditPath"), checkpoint.getString("rootHash")))
                    .as("inclusion of %s %d: %s", table, id, proof).isTrue();
            assertThat(ProofChecker.verifyInclusion(proof.getJsonNumber("leafIndex").longValue(), size,
                    ProofChecker.leafHash("another row".getBytes(StandardCharsets.UTF_8)), hex(proof, "auditPath"),
                    checkpoint.getString("rootHash"))).as("the checker can say no").isFalse();
        });
    }

    @Test
    void aLaterCheckpointIsConsistentWithAnEarlierOne() {
        JsonObject earlier = checkpoint();
        String username = accounts.invite("USER").username();
        long row = (Long) db.select("SELECT id FROM user_state_audit WHERE username = ?", username).get(0).get("id");
        Sealing.awaitSealed(db, "state", row);
        JsonObject later = checkpoint();
        long from = earlier.getJsonNumber("treeSize").longValue();
        long to = later.getJsonNumber("treeSize").longValue();
        assertThat(to).isGreaterThan(from);

        JsonObject proof = superadmin.get("api/audit/proofs/consistency?from=" + from + "&to=" + to).send().json();

        assertThat(proof.getString("fromRoot")).isEqualTo(earlier.getString("rootHash"));
        assertThat(proof.getString("toRoot")).isEqualTo(later.getString("rootHash"));
        assertThat(ProofChecker.verifyConsistency(from, to, earlier.getString("rootHash"), later.getString("rootHash"),
                hex(proof, "proof"))).as("%s", proof).isTrue();
    }

    @Test
    void theKeyIsPublishedInEveryFormAndVerifiesTheCheckpoint() {
        JsonObject key = superadmin.get("api/audit/checkpoint/key").send().json();
        JsonObject checkpoint = checkpoint();
        assertThat(ProofChecker.verifyNote(checkpoint.getString("note"), key.getString("verifierKey")))
                .as("the published key verifies the latest checkpoint").startsWith(key.getString("name") + "\n");
        String[] verifier = key.getString("verifierKey").split("\\+", 3);
        assertThat(verifier[0]).isEqualTo(key.getString("name"));
        assertThat(verifier[1]).isEqualTo(key.getString("keyId")).isEqualTo(checkpoint.getString("keyId"));
        byte[] typed = Base64.getDecoder().decode(verifier[2]);
        assertThat(Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(typed, 1, typed.length)))
                .isEqualTo(key.getString("publicKey"));
        assertThat(Base64.getDecoder().decode(key.getString("publicKeyX509"))).hasSize(44);
    }

    @Test
    void whatCannotBeProvenIsRefusedWithAProblem() {
        assertThat(assertProblem(superadmin.get("api/audit/proofs/inclusion?table=state&id=999999999999").send(), 404)
                .getString("detail")).contains("not sealed");
        assertProblem(superadmin.get("api/audit/proofs/inclusion?table=users&id=1").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/inclusion?table=state&id=abc").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/inclusion?table=state").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/inclusion?table=state&id=1&treeSize=0").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/consistency?from=5&to=2").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/consistency?from=1&to=999999999999").send(), 400);
        assertProblem(superadmin.get("api/audit/proofs/consistency?from=x&to=2").send(), 400);
    }

    @Test
    void healthAndMetricsReportTheSealer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI root = base.toURI().resolve("/");
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(root.resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.body()).contains("sealed-audit-log").contains("sealLagMillis");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(root.resolve("metrics?scope=application"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("audit_checkpoints_total").contains("audit_seal_lag_seconds")
                .contains("audit_verification_failures_total");
    }

    private JsonObject checkpoint() {
        Api.Response answer = superadmin.get("api/audit/checkpoint").send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> hex(JsonObject json, String member) {
        return json.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The leaf data's fields (docs/INTEGRITY.md, "The leaves"), decoded independently: name, value, each length-prefixed. */
    private static Map<String, String> fields(byte[] data) {
        Map<String, String> fields = new LinkedHashMap<>();
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            fields.put(text(buffer), text(buffer));
        }
        return fields;
    }

    private static String text(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
