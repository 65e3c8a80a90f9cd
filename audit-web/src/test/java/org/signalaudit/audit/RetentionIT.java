package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.Browser;
import org.signalaudit.testing.Browsers;
import org.signalaudit.testing.ProofChecker;
import org.signalaudit.testing.Sealing;

/**
 * Retention as an auditor checks it: rows backdated into old months (by the database superuser,
 * then sealed by the sealer) are dropped a whole month at a time, except the month a legal hold
 * keeps; after the drop the verify finds the log intact, the remaining rows' inclusion proofs and
 * the consistency of the checkpoints before and after check with the test's own {@link ProofChecker},
 * and the run and the hold are rows of the request trail; an evidence pack names the dropped month.
 * A superadmin places and releases a hold on the Retention screen in a real browser. Bad input is
 * refused with problem+json, and only a SUPERADMIN may do any of it.
 */
class RetentionIT extends ApplicationIT {

    /** The superuser's statements skip ordinary triggers, the append-only one included (as IntegrityIT). */
    private static final String BEHIND_THE_TRIGGERS = "SET session_replication_role = replica; ";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void aRunDropsTheOldMonthsButTheHeldOneAndTheLogStillProvesWhatRemains() {
        AuditDatabase postgres = db.asSuperuser();
        // Months far in the past, a different pair each run, so a rerun on the same database finds its own.
        YearMonth old = YearMonth.of(1990 + ThreadLocalRandom.current().nextInt(30), 1 + ThreadLocalRandom.current().nextInt(11));
        YearMonth held = old.plusMonths(1);
        for (String table : List.of("user_state_audit", "login_audit")) {
            for (YearMonth month : List.of(old, held)) {
                postgres.select("SELECT audit_month_partition(?, ?)", table, month.atDay(1));
            }
        }
        String keptUser = Accounts.uniqueName("held");
        String goneUser = Accounts.uniqueName("gone");
        long goneState = stateRow(postgres, goneUser, old.atDay(10));
        long keptState = stateRow(postgres, keptUser, held.atDay(10));
        // An entity's row of the old month, and a replay state kept from it for "as of": it holds
        // the row's values, so it goes with the month.
        postgres.select("SELECT audit_month_partition(?, ?)", "entity_audit", old.atDay(1));
        long goneEntity = (Long) postgres.select("INSERT INTO entity_audit (entity_type, entity_id, action, changes,"
                + " initiated_by, origin, occurred_at) VALUES ('Group', ?, 'CREATE', '{\"description\": {\"new\": \"old\"}}',"
                + " 'it', 'SYSTEM', CAST(? AS timestamptz)) RETURNING id", goneUser, old.atDay(12) + "T08:00:00Z")
                .get(0).get("id");
        postgres.select("INSERT INTO entity_replay_state (entity_type, entity_id, last_id, row_count, latest_occurred_at,"
                + " state, kept_at, mac) VALUES ('Group', ?, ?, 1, CAST(? AS timestamptz), '{}', now(), 'kept') RETURNING last_id",
                goneUser, goneEntity, old.atDay(12) + "T08:00:00Z");
        long goneLogin = (Long) postgres.select("INSERT INTO login_audit (occurred_at, event, username) VALUES "
                + "(CAST(? AS timestamptz), 'LOGIN_FAILED', ?) RETURNING id", old.atDay(11) + "T08:00:00Z", goneUser)
                .get(0).get("id");
        Sealing.awaitSealed(db, "state", goneState);
        long keptLeaf = Sealing.awaitSealed(db, "state", keptState);
        Sealing.awaitSealed(db, "login", goneLogin);
        Sealing.awaitSealed(db, "entity", goneEntity);
        JsonObject before = checkpoint();

        Api.Response placed = superadmin.post("api/audit/holds").json(Api.json("username", keptUser,
                "reason", "litigation hold " + keptUser)).send();
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        long holdId = placed.json().getJsonNumber("id").longValue();
        Api.Response ran = superadmin.post("api/audit/retention/run").json(Api.json("reason", "retention test "
                + goneUser)).send();
        assertThat(ran.status()).as("%s", ran).isEqualTo(200);

        JsonObject run = ran.json();
        assertThat(months(run, "dropped")).contains("state " + old, "login " + old, "login " + held, "entity " + old)
                .doesNotContain("state " + held);
        assertThat(run.getJsonArray("skipped").getValuesAs(JsonObject.class)).anySatisfy(skipped -> {
            assertThat(skipped.getString("table") + " " + skipped.getString("month")).isEqualTo("state " + held);
            assertThat(skipped.getString("why")).contains("legal hold " + holdId);
        });
        JsonObject tombstone = run.getJsonArray("dropped").getValuesAs(JsonObject.class).stream()
                .filter(month -> month.getString("table").equals("state") && month.getString("month").equals(old.toString()))
                .findFirst().orElseThrow();
        assertThat(tombstone.getJsonNumber("rows").longValue()).isEqualTo(1);
        assertThat(partitionExists(postgres, "user_state_audit", old)).as("the old month's partition").isFalse();
        assertThat(partitionExists(postgres, "user_state_audit", held)).as("the held month's partition").isTrue();
        assertThat(db.queryForLong("SELECT count(*) FROM user_state_audit WHERE id = " + goneState)).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM user_state_audit WHERE id = " + keptState)).isOne();
        assertThat(db.queryForLong("SELECT count(*) FROM entity_replay_state WHERE entity_id = '" + goneUser + "'"))
                .as("the replay state made from the dropped entity row").isZero();

        JsonObject report = superadmin.get("api/audit/verify").send().json();
        assertThat(report.getBoolean("intact")).as("verify after the drop: %s", report).isTrue();
        assertThat(assertProblem(superadmin.get("api/audit/proofs/inclusion?table=state&id=" + goneState).send(), 404)
                .getString("detail")).contains("dropped by retention with the month state " + old);

        long rowAfter = (Long) db.select("SELECT max(id) AS id FROM request_audit WHERE category = 'RETENTION'")
                .get(0).get("id");
        Sealing.awaitSealed(db, "request", rowAfter);
        JsonObject after = checkpoint();
        long size = after.getJsonNumber("treeSize").longValue();
        JsonObject proof = superadmin.get("api/audit/proofs/inclusion?table=state&id=" + keptState + "&treeSize=" + size)
                .send().json();
        assertThat(proof.getJsonNumber("leafIndex").longValue()).isEqualTo(keptLeaf);
        assertThat(ProofChecker.verifyInclusion(keptLeaf, size, proof.getString("leafHash"), hex(proof, "auditPath"),
                after.getString("rootHash"))).as("inclusion of the held row after the drop").isTrue();
        long from = before.getJsonNumber("treeSize").longValue();
        JsonObject consistency = superadmin.get("api/audit/proofs/consistency?from=" + from + "&to=" + size).send().json();
        assertThat(ProofChecker.verifyConsistency(from, size, before.getString("rootHash"), after.getString("rootHash"),
                hex(consistency, "proof"))).as("the checkpoints before and after the drop").isTrue();

        String retired = packEntry("table=state&username=" + keptUser, "retention.json");
        assertThat(retired).contains("\"month\":\"" + old + "\"").contains("\"reason\":\"retention test " + goneUser);
        assertThat(packEntry("table=state&username=" + keptUser, "README.md")).contains("Retention has removed")
                .contains(old.toString());

        List<Map<String, Object>> trail = db.select("SELECT method, actor, path FROM request_audit WHERE category = "
                + "'RETENTION' AND path LIKE ? ORDER BY id", "%" + goneUser + "%");
        assertThat(trail).extracting(row -> row.get("method")).contains("RETIRE", "RETAIN");
        assertThat(trail).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo(Api.SUPERADMIN));
        assertThat(db.select("SELECT method FROM request_audit WHERE category = 'RETENTION' AND path LIKE ?",
                "%" + keptUser + "%")).extracting(row -> row.get("method")).contains("HOLD");

        Api.Response released = superadmin.delete("api/audit/holds/" + holdId + "?reason=case%20closed").send();
        assertThat(released.status()).as("%s", released).isEqualTo(200);
        assertThat(released.json().getString("releasedBy")).isEqualTo(Api.SUPERADMIN);
        assertProblem(superadmin.delete("api/audit/holds/" + holdId + "?reason=again").send(), 409);
        assertThat(db.select("SELECT method FROM request_audit WHERE category = 'RETENTION' AND path LIKE ?",
                "legal hold " + holdId + " %released%")).extracting(row -> row.get("method")).containsExactly("RELEASE");

        // Released, the month goes with the next run; two runs at once retire it once, and nothing
        // of this test stays due for another test's run.
        Api.Call again = superadmin.post("api/audit/retention/run").json(Api.json("reason", "hold released " + keptUser));
        List<Api.Response> runs = List.of(again, again).parallelStream().map(Api.Call::send).toList();
        assertThat(runs).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
        assertThat(runs.stream().flatMap(answer -> months(answer.json(), "dropped").stream()))
                .containsOnlyOnce("state " + held);
        assertThat(partitionExists(postgres, "user_state_audit", held)).isFalse();
    }

    /**
     * A tombstone excuses missing rows only if it proves itself: after a real retirement the verify
     * is intact and the drop's RETIRE row is sealed with the tombstone's digest; a tombstone forged
     * by the database superuser over a live row it then deletes, and a real tombstone whose digest
     * was edited, are each a FORGED_TOMBSTONE break that names the tombstone. Each forgery is undone.
     */
    @Test
    void aTombstoneThatNoSealedRetirementRecordsIsABreak() {
        AuditDatabase postgres = db.asSuperuser();
        YearMonth retired = monthOf30YearsFrom(1960);
        postgres.select("SELECT audit_month_partition(?, ?)", "user_state_audit", retired.atDay(1));
        String user = Accounts.uniqueName("proof");
        long goneRow = stateRow(postgres, user, retired.atDay(3));
        Sealing.awaitSealed(db, "state", goneRow);
        Api.Response ran = superadmin.post("api/audit/retention/run").json(Api.json("reason", "tombstone proof " + user)).send();
        assertThat(ran.status()).as("%s", ran).isEqualTo(200);
        assertThat(months(ran.json(), "dropped")).contains("state " + retired);
        Map<String, Object> tombstone = postgres.select("SELECT id, encode(leaves_digest, 'hex') AS digest, first_leaf FROM "
                + "audit_tombstone WHERE table_code = 'state' AND month_start = ?", retired.atDay(1)).get(0);
        Map<String, Object> retirement = postgres.select("SELECT id, path FROM request_audit WHERE category = 'RETENTION' "
                + "AND method = 'RETIRE' AND path LIKE ?", "retention dropped state " + retired + ":%").get(0);
        assertThat((String) retirement.get("path")).contains("leaves digest " + tombstone.get("digest"))
                .contains("leaves " + tombstone.get("first_leaf") + ".." + tombstone.get("first_leaf"));
        Sealing.awaitSealed(db, "request", (Long) retirement.get("id"));
        JsonObject report = superadmin.get("api/audit/verify").send().json();
        assertThat(report.getBoolean("intact")).as("verify after a real retirement: %s", report).isTrue();

        // A live, sealed row hidden behind a tombstone the superuser wrote: digest and count right, no sealed record.
        long liveRow = stateRow(postgres, user, LocalDate.now());
        long liveLeaf = Sealing.awaitSealed(db, "state", liveRow);
        // A row sealed after it: the sealer reads its place from the last sealed row, which stays.
        Sealing.awaitSealed(db, "state", stateRow(postgres, user, LocalDate.now()));
        YearMonth forgedMonth = monthOf30YearsFrom(1870);
        long forgedId = postgres.queryForLong("SELECT max(id) + 1 FROM audit_tombstone");
        String saved = "it_saved_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.execute("CREATE TABLE " + saved + " AS SELECT * FROM user_state_audit WHERE id = " + liveRow);
        try {
            postgres.execute("INSERT INTO audit_tombstone (id, table_code, month_start, first_leaf, last_leaf, row_count, "
                    + "leaves_digest, dropped_at, dropped_by, reason) SELECT " + forgedId + ", 'state', DATE '"
                    + forgedMonth.atDay(1) + "', leaf_index, leaf_index, 1, sha256(leaf_hash), now(), 'system:retention', "
                    + "'forged' FROM audit_leaf WHERE leaf_index = " + liveLeaf + "; INSERT INTO audit_tombstone_range "
                    + "(first_leaf, last_leaf, tombstone_id) VALUES (" + liveLeaf + ", " + liveLeaf + ", " + forgedId + "); "
                    + BEHIND_THE_TRIGGERS + "DELETE FROM user_state_audit WHERE id = " + liveRow);
            JsonObject found = stateBreak();
            assertThat(found.getString("kind")).as("%s", found).isEqualTo("FORGED_TOMBSTONE");
            assertThat(found.getJsonNumber("leafIndex").longValue()).isEqualTo(liveLeaf);
            assertThat(found.getString("detail")).contains("tombstone of state " + forgedMonth)
                    .contains("no sealed RETIRE row");
        } finally {
            postgres.execute(BEHIND_THE_TRIGGERS + "DELETE FROM audit_tombstone_range WHERE tombstone_id = " + forgedId
                    + "; DELETE FROM audit_tombstone WHERE id = " + forgedId + "; INSERT INTO user_state_audit SELECT * FROM "
                    + saved + " WHERE NOT EXISTS (SELECT 1 FROM user_state_audit WHERE id = " + liveRow + "); DROP TABLE " + saved);
        }

        // The real tombstone, its digest edited.
        postgres.execute(BEHIND_THE_TRIGGERS + "UPDATE audit_tombstone SET leaves_digest = sha256('edited') WHERE id = "
                + tombstone.get("id"));
        try {
            JsonObject found = stateBreak();
            assertThat(found.getString("kind")).as("%s", found).isEqualTo("FORGED_TOMBSTONE");
            assertThat(found.getString("detail")).contains("tombstone of state " + retired).contains("leaves digest");
        } finally {
            postgres.execute(BEHIND_THE_TRIGGERS + "UPDATE audit_tombstone SET leaves_digest = decode('"
                    + tombstone.get("digest") + "', 'hex') WHERE id = " + tombstone.get("id"));
        }
        assertThat(superadmin.get("api/audit/verify").send().json().getBoolean("intact")).as("restored").isTrue();
    }

    /** A hold on a time range alone (no user) keeps every month it overlaps, whoever its rows are of. */
    @Test
    void aHoldOnATimeRangeAloneKeepsItsMonth() {
        AuditDatabase postgres = db.asSuperuser();
        YearMonth month = monthOf30YearsFrom(1930);
        postgres.select("SELECT audit_month_partition(?, ?)", "user_state_audit", month.atDay(1));
        String user = Accounts.uniqueName("range");
        Sealing.awaitSealed(db, "state", stateRow(postgres, user, month.atDay(20)));
        Api.Response placed = superadmin.post("api/audit/holds").json(Api.json("from", month.atDay(15) + "T00:00:00Z",
                "to", month.plusMonths(1).atDay(15) + "T00:00:00Z", "reason", "range hold " + user)).send();
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        long holdId = placed.json().getJsonNumber("id").longValue();

        Api.Response ran = superadmin.post("api/audit/retention/run").json(Api.json("reason", "range test " + user)).send();
        assertThat(ran.status()).as("%s", ran).isEqualTo(200);
        assertThat(months(ran.json(), "dropped")).doesNotContain("state " + month);
        assertThat(ran.json().getJsonArray("skipped").getValuesAs(JsonObject.class)).anySatisfy(skipped -> {
            assertThat(skipped.getString("table") + " " + skipped.getString("month")).isEqualTo("state " + month);
            assertThat(skipped.getString("why")).contains("legal hold " + holdId).doesNotContain("user ");
        });
        assertThat(partitionExists(postgres, "user_state_audit", month)).isTrue();

        assertThat(superadmin.delete("api/audit/holds/" + holdId + "?reason=range%20released").send().status()).isEqualTo(200);
        Api.Response again = superadmin.post("api/audit/retention/run").json(Api.json("reason", "range released " + user)).send();
        assertThat(months(again.json(), "dropped")).contains("state " + month);
    }

    /**
     * A row whose month has no partition lands in the DEFAULT partition (migration V43), which
     * retention never drops: the run neither fails nor drops it, says so, and the log verifies.
     */
    @Test
    void aRowInTheDefaultPartitionOutlivesRetentionAndTheRunSaysSo() {
        AuditDatabase postgres = db.asSuperuser();
        YearMonth month = monthOf30YearsFrom(1900);
        assertThat(partitionExists(postgres, "user_state_audit", month)).isFalse();
        String user = Accounts.uniqueName("default");
        long row = stateRow(postgres, user, month.atDay(5));
        assertThat(postgres.select("SELECT tableoid::regclass::text AS part FROM user_state_audit WHERE id = ?", row))
                .singleElement().satisfies(found -> assertThat(found.get("part")).isEqualTo("user_state_audit_default"));
        Sealing.awaitSealed(db, "state", row);

        Api.Response ran = superadmin.post("api/audit/retention/run").json(Api.json("reason", "default test " + user)).send();
        assertThat(ran.status()).as("%s", ran).isEqualTo(200);
        assertThat(ran.json().getJsonArray("skipped").getValuesAs(JsonObject.class)).anySatisfy(skipped -> {
            assertThat(skipped.getString("table") + " " + skipped.getString("month")).isEqualTo("state default");
            assertThat(skipped.getString("why")).contains("DEFAULT partition");
        });
        assertThat(db.queryForLong("SELECT count(*) FROM user_state_audit WHERE id = " + row)).isOne();
        JsonObject report = superadmin.get("api/audit/verify").send().json();
        assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
    }

    /** The state table's first break in a fresh verify (the other tables stay intact). */
    private JsonObject stateBreak() {
        JsonObject report = superadmin.get("api/audit/verify").send().json();
        assertThat(report.getBoolean("intact")).as("%s", report).isFalse();
        List<JsonObject> tables = report.getJsonArray("tables").getValuesAs(JsonObject.class);
        assertThat(tables).filteredOn(table -> !table.getString("table").equals("state"))
                .allSatisfy(table -> assertThat(table.getBoolean("intact")).as("%s", table).isTrue());
        return tables.stream().filter(table -> table.getString("table").equals("state")).findFirst().orElseThrow()
                .getJsonObject("firstBreak");
    }

    @Test
    void aSuperadminPlacesAndReleasesAHoldOnTheRetentionScreen() {
        String username = Accounts.uniqueName("screen");
        Browser browser = browsers.open(api.base()).signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD)
                .go("admin/retention.xhtml").waitForTitle("Retention");
        assertThat(browser.text(By.id("schedule"))).contains("Schedule").contains("Dropped by retention");

        browser.type(By.id("holds:username"), username).type(By.id("holds:reason"), "screen hold " + username)
                .click(By.id("holds:place")).waitForText(By.id("holds:holdTable"), username);
        assertThat(db.select("SELECT placed_by, released_at FROM legal_hold WHERE username = ?", username))
                .singleElement().satisfies(hold -> {
                    assertThat(hold.get("placed_by")).isEqualTo(Api.SUPERADMIN);
                    assertThat(hold.get("released_at")).isNull();
                });

        browser.type(By.id("holds:releaseReason"), "screen release " + username)
                .click(By.xpath("//tr[td[contains(., '" + username + "')]]//button[contains(@id, 'release')]"))
                .waitForText(By.id("holds:holdTable"), "screen release " + username);
        assertThat(db.select("SELECT method, path FROM request_audit WHERE category = 'RETENTION' AND path LIKE ? "
                + "ORDER BY id", "%" + username + "%")).extracting(row -> row.get("method"))
                .containsExactly("HOLD", "RELEASE");
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        assertProblem(superadmin.post("api/audit/retention/run").json(Api.json()).send(), 400);
        assertProblem(superadmin.post("api/audit/retention/run").json(Api.json("reason", " ")).send(), 400);
        assertProblem(superadmin.post("api/audit/holds").json(Api.json("reason", "nothing held")).send(), 400);
        assertProblem(superadmin.post("api/audit/holds").json(Api.json("username", "someone")).send(), 400);
        assertProblem(superadmin.post("api/audit/holds").json(Api.json("from", "2025-02-01T00:00:00Z",
                "to", "2025-01-01T00:00:00Z", "reason", "backwards")).send(), 400);
        assertProblem(superadmin.post("api/audit/holds").json(Api.json("from", "last tuesday", "reason", "x")).send(), 400);
        assertProblem(superadmin.delete("api/audit/holds/1").send(), 400);
        assertProblem(superadmin.delete("api/audit/holds/999999999?reason=none").send(), 404);
        assertProblem(superadmin.delete("api/audit/holds/abc?reason=none").send(), 404);
    }

    @Test
    void onlyASuperadminRunsRetentionOrPlacesHolds() {
        Api admin = accounts.active("ADMIN").client(api);
        assertProblem(admin.post("api/audit/retention/run").json(Api.json("reason", "not mine")).send(), 403);
        assertProblem(admin.get("api/audit/retention/schedule").send(), 403);
        assertProblem(admin.post("api/audit/holds").json(Api.json("username", "x", "reason", "not mine")).send(), 403);
        assertProblem(admin.get("api/audit/holds").send(), 403);
        assertProblem(admin.delete("api/audit/holds/1?reason=no").send(), 403);
    }

    /** One entry of the evidence pack of a query, read from the ZIP the superadmin downloads. */
    private String packEntry(String query, String name) {
        try {
            String basic = Base64.getEncoder().encodeToString((Api.SUPERADMIN + ":" + Api.SUPERADMIN_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> pack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "api/audit/evidence?" + query)).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pack.statusCode()).isEqualTo(200);
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack.body()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().equals(name)) {
                        return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
            throw new AssertionError("No " + name + " in the pack of " + query);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long stateRow(AuditDatabase postgres, String username, LocalDate day) {
        return (Long) postgres.select("INSERT INTO user_state_audit (username, initiated_by, end_state, occurred_at, "
                + "origin, event) VALUES (?, 'it-retention', 'INVITED', CAST(? AS timestamptz), 'SYSTEM', 'INVITE') "
                + "RETURNING id", username, day + "T09:00:00Z").get(0).get("id");
    }

    /**
     * A month at random in the 30 years from {@code firstYear}: each test draws its months from
     * decades of its own, so tests (and reruns on the same database) do not meet in one month.
     */
    private static YearMonth monthOf30YearsFrom(int firstYear) {
        return YearMonth.of(firstYear + ThreadLocalRandom.current().nextInt(30), 1 + ThreadLocalRandom.current().nextInt(12));
    }

    private static boolean partitionExists(AuditDatabase postgres, String table, YearMonth month) {
        return postgres.queryForLong("SELECT count(*) FROM pg_class WHERE relname = '" + table + "_p"
                + month.toString().replace("-", "") + "'") == 1;
    }

    private JsonObject checkpoint() {
        Api.Response answer = superadmin.get("api/audit/checkpoint").send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> months(JsonObject run, String member) {
        return run.getJsonArray(member).getValuesAs(JsonObject.class).stream()
                .map(month -> month.getString("table") + " " + month.getString("month")).toList();
    }

    private static List<String> hex(JsonObject json, String member) {
        return json.getJsonArray(member).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
