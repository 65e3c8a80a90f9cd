package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ScratchDatabase;

/**
 * The export streams: a server with a 256 MB heap exports more audit rows than its heap could
 * hold (120,000 rows of 3,000 characters, 360 MB of text), and the test reads the file as it
 * comes, row by row, checking each. A server that gathered the rows first would run out of memory.
 * The rows are bulk-inserted with SQL as the tables' owner, on a database of the test's own.
 */
class AuditExportMemoryIT {

    static final int ROWS = 120_000;
    static final int TEXT = 3_000;

    @Test
    void moreRowsThanTheHeapHoldsExportWithAFlatHeap() throws Exception {
        String testDb = System.getProperty("audit.test.db.url");
        var database = ScratchDatabase.onTestServer(testDb.substring(testDb.lastIndexOf('/') + 1) + "_export").recreate();
        Path log = Path.of(System.getProperty("reliability.dir", "target/reliability"), "export-memory", "server.log");
        try (MicroProcess server = MicroProcess.start(database.url(), 0, log, List.of("-Xmx256m"))) {
            insertRows(database.url());
            HttpRequest request = HttpRequest.newBuilder(server.base().resolve("api/audit/export?table=entity&type=Bulk"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (Api.SUPERADMIN + ":" + Api.SUPERADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(10)).build();
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as("see %s", log).isEqualTo(200);
            long rows = 0;
            try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (CSVRecord record : parser) {
                    rows++;
                    assertThat(record.get("entityId")).isEqualTo("row-" + rows);
                    assertThat(record.get("changes")).hasSizeGreaterThan(TEXT);
                }
            }
            assertThat(rows).as("rows exported by a server with -Xmx256m; see %s", log).isEqualTo(ROWS);
            assertThat(server.alive()).isTrue();
        } finally {
            database.drop();
        }
    }

    /**
     * Rows of a made-up entity type, in order, each with 3,000 characters of changes; the id and
     * the writing transaction come from the columns' defaults, as for the application's writer.
     */
    private static void insertRows(String url) throws SQLException {
        try (Connection owner = DriverManager.getConnection(url, System.getProperty("audit.test.db.user"),
                System.getProperty("audit.test.db.password"));
             Statement sql = owner.createStatement()) {
            sql.execute("INSERT INTO entity_audit (entity_type, entity_id, action, changes, initiated_by, origin, "
                    + "occurred_at, request_id) "
                    + "SELECT 'Bulk', 'row-' || g, 'UPDATE', jsonb_build_object('text', jsonb_build_object("
                    + "'old', NULL, 'new', repeat('x', " + TEXT + ") || g)), 'it:bulk', 'SYSTEM', now(), NULL "
                    + "FROM generate_series(1, " + ROWS + ") AS g");
        }
    }
}
