package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;

/**
 * {@code GET /api/audit/export}: the rows a filter keeps, oldest first, as CSV that a CSV library
 * parses back to the API's rows, and as JSON Lines; values that would run in a spreadsheet, line
 * breaks, quotes and non-ASCII text come through safe and whole. The large export with a small
 * heap is {@link AuditExportMemoryIT}.
 */
class AuditExportIT extends ApplicationIT {

    /** A formula (OWASP's example), a line break, quotes, a comma and text beyond ASCII. */
    static final String HOSTILE = "=cmd|' /C calc'!A0\nsecond line, \"quoted\" – Zürich 東京 ✓";

    @Test
    void aCsvExportParsedBackIsTheRowsTheApiShowsWithFormulasNeutralised() {
        String username = userWithHistory();
        List<JsonObject> rows = stateRows(username);

        Api.Response csv = superadmin.get("api/audit/export?table=state&format=csv&username=" + username).send();
        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-state-start-now.csv\"");

        List<CSVRecord> records = parse(csv.body());
        assertThat(records).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.get(i);
            CSVRecord record = records.get(i);
            for (String field : List.of("id", "username", "initiatedBy", "startState", "endState", "event",
                    "occurredAt", "ipAddress", "origin", "reason", "requestId")) {
                assertThat(record.get(field)).as("%s of row %d", field, i).isEqualTo(expectedCell(row, field));
            }
        }
        assertThat(records.get(records.size() - 1).get("reason")).isEqualTo("'" + HOSTILE);
    }

    @Test
    void aJsonLinesExportIsOneApiRowPerLine() {
        String username = userWithHistory();
        List<JsonObject> rows = stateRows(username);

        Api.Response jsonl = superadmin.get("api/audit/export?table=state&format=jsonl&username=" + username).send();
        assertThat(jsonl.status()).as("%s", jsonl).isEqualTo(200);
        assertThat(jsonl.contentType()).startsWith("application/jsonl");
        assertThat(jsonl.header("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-state-start-now.jsonl\"");
        List<JsonObject> lines = jsonl.body().lines()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        assertThat(lines).isEqualTo(rows);
        assertThat(lines.get(lines.size() - 1).getString("reason")).isEqualTo(HOSTILE);
    }

    @Test
    void everyTableExportsWithItsOwnFiltersAndAPeriod() {
        String name = Accounts.uniqueName("export");
        assertThat(superadmin.post("api/groups").json(Api.json("name", name, "description", HOSTILE)).send().status())
                .isEqualTo(201);
        Api.Response entities = superadmin.get("api/audit/export?table=entity&type=Group&id=" + name
                + "&from=2026-01-01T00:00:00Z&to=9999-01-01T00:00:00Z").send();
        assertThat(entities.header("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-entity-20260101T000000Z-99990101T000000Z.csv\"");
        List<CSVRecord> records = parse(entities.body());
        assertThat(records).hasSize(1);
        JsonObject changes = Json.createReader(new StringReader(records.get(0).get("changes"))).readObject();
        assertThat(changes.getJsonObject("description").getString("new")).isEqualTo(HOSTILE);

        String requestId = Api.newRequestId();
        superadmin.get("api/users/" + name).requestId(requestId).send();
        db.awaitRequestRow(requestId);
        List<CSVRecord> requests = parse(superadmin.get("api/audit/export?table=request&path=/audit/api/users/" + name)
                .send().body());
        assertThat(requests).extracting(record -> record.get("requestId")).containsExactly(requestId);
        assertThat(parse(superadmin.get("api/audit/export?table=login&username=" + name).send().body())).isEmpty();
    }

    @Test
    void aRefusedExportIsAProblemBeforeAnyRow() {
        Accounts.Active user = accounts.active("USER");
        assertProblem(user.client(api).get("api/audit/export?table=state").send(), 403);
        assertProblem(superadmin.get("api/audit/export").send(), 400);
        assertProblem(superadmin.get("api/audit/export?table=users").send(), 400);
        assertProblem(superadmin.get("api/audit/export?table=state&format=xlsx").send(), 400);
        assertProblem(superadmin.get("api/audit/export?table=state&event=LOGIN_FAILED").send(), 400);
        assertProblem(superadmin.get("api/audit/export?table=request&status=999").send(), 400);
        assertProblem(superadmin.get("api/audit/export?table=login&from=yesterday").send(), 400);
    }

    /** A user invited, then overridden twice, the last time with a hostile reason. */
    private String userWithHistory() {
        String username = accounts.invite("USER").username();
        for (String[] change : List.of(new String[] {"LOCKED", "it: export"}, new String[] {"ACTIVE", HOSTILE})) {
            Api.Response moved = superadmin.put("api/users/" + username + "/state")
                    .json(Api.json("state", change[0], "reason", change[1])).send();
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        }
        return username;
    }

    /** The user's rows as the API shows them, oldest first as the export writes them. */
    private List<JsonObject> stateRows(String username) {
        List<JsonObject> rows = new ArrayList<>(superadmin.get("api/audit/state-changes?username=" + username).send()
                .json().getJsonArray("items").getValuesAs(JsonObject.class));
        rows.sort(Comparator.comparingLong(row -> row.getJsonNumber("id").longValue()));
        assertThat(rows).hasSize(3);
        return rows;
    }

    /** The API's value as the CSV writes it: null empty, a formula behind an apostrophe. */
    private static String expectedCell(JsonObject row, String field) {
        JsonValue value = row.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        String text = value instanceof jakarta.json.JsonString string ? string.getString() : value.toString();
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static List<CSVRecord> parse(String csv) {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
