package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.Rsyslog;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sealing;
import org.signalaudit.testing.Waiting;

/**
 * The copy of the sealed log in a separate system, against a real receiver: Debian's rsyslogd,
 * started by the test, writing every message it gets to a file that the test reads back and
 * compares, message by message, with the leaves and checkpoints in the database. The copy must be
 * whole and in tree order after the receiver was down for a while, and after the server was killed
 * and started again; repeats are allowed (at least once) but must be the same message.
 */
class SyslogForwardingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void everySealedRowAndCheckpointReachesRsyslogInTreeOrderAcrossAReceiverAndAServerRestart() throws Exception {
        ScratchDatabase database = run.database("signal_audit_it_syslog");
        AuditDatabase db = AuditDatabase.at(database.url());
        try (Rsyslog receiver = new Rsyslog(run.directory().resolve("rsyslog")).start()) {
            Map<String, String> configured = Map.of("AUDIT_SYSLOG_HOST", "127.0.0.1",
                    "AUDIT_SYSLOG_PORT", Integer.toString(receiver.port()));
            int port;
            try (MicroProcess server = MicroProcess.start(MicroProcess.systemProperties(database.url()), configured, 0,
                    run.directory().resolve("payara-micro-1.log"))) {
                // 1. Rows written while the receiver is up all arrive.
                produceRows(server, 3);
                awaitCopy(db, receiver);

                // 2. The receiver is down: the copy waits, one WARNING says so; it resumes, whole.
                receiver.stop();
                produceRows(server, 3);
                List<String> problems = new ArrayList<>();
                Sealing.awaitAllSealed(db, problems);
                assertThat(problems).isEmpty();
                Waiting.until(PATIENCE, () -> server.metric("audit_forward_failures_total") >= 2
                        && server.metric("audit_forward_backlog") > 0, "the forwarder to fail twice with leaves waiting");
                receiver.start();
                awaitCopy(db, receiver);
                assertThat(Files.readAllLines(server.log()).stream()
                        .filter(line -> line.contains("Forwarding the sealed audit log to") && line.contains(" fails ("))
                        .count()).as("one WARNING for one outage, however many attempts failed").isEqualTo(1);
                Waiting.until(PATIENCE,
                        () -> server.metric("audit_forward_backlog") == 0, "the backlog gauge to show the copy caught up");

                // 3. The server is killed while its copy is behind (the receiver down again), and started
                //    again with the receiver back: it resumes at the cursor it kept in the database.
                receiver.stop();
                produceRows(server, 2);
                Sealing.awaitAllSealed(db, problems);
                assertThat(problems).isEmpty();
                Waiting.until(PATIENCE,
                        () -> server.metric("audit_forward_backlog") > 0, "leaves waiting to be forwarded");
                port = server.port();
                server.kill();
            }
            receiver.start();
            try (MicroProcess server = MicroProcess.start(MicroProcess.systemProperties(database.url()), configured, port,
                    run.directory().resolve("payara-micro-2.log"))) {
                produceRows(server, 1);
                awaitCopy(db, receiver);
                Waiting.until(PATIENCE, () -> db.queryForLong("SELECT next_leaf FROM audit_forward_cursor")
                        == db.queryForLong("SELECT count(*) FROM audit_leaf"), "the cursor kept in the database at the tree's end");
                JsonObject report = server.api().asSuperadmin().get("api/audit/verify").send().json();
                assertThat(report.getBoolean("intact")).as("%s", report).isTrue();
            }
        }
    }

    /** Users invited and activated, a transition and a failed sign-in each: rows of all four tables. */
    private static void produceRows(MicroProcess server, int users) {
        Accounts accounts = new Accounts(server.api());
        for (int i = 0; i < users; i++) {
            String username = accounts.active("USER").username();
            server.api().asSuperadmin().post("api/users/" + username + "/transitions").json(Api.json("event", "LOCK")).send();
            server.api().as(username, "wrong-password").get("api/users").send();
        }
    }

    /** Waits until every row is sealed and the copy holds the latest checkpoint, then compares it all. */
    private static void awaitCopy(AuditDatabase db, Rsyslog receiver) {
        List<String> problems = new ArrayList<>();
        Sealing.awaitAllSealed(db, problems);
        assertThat(problems).isEmpty();
        long size = db.queryForLong("SELECT max(tree_size) FROM audit_checkpoint");
        Waiting.until(PATIENCE,
                () -> receiver.lines().stream().anyMatch(line -> line.startsWith("checkpoint {\"treeSize\":" + size + ",")),
                "the checkpoint of size " + size + " in " + receiver.received());
        assertCopyIsTheLog(db, receiver.lines());
    }

    /**
     * Every leaf and checkpoint of the database is in the copy, first seen in tree order, with the
     * content of its row (whose leaf hash the message alone gives) or checkpoint; a repeat is the
     * same message; nothing else is there.
     */
    private static void assertCopyIsTheLog(AuditDatabase db, List<String> lines) {
        Map<Long, String> first = new LinkedHashMap<>();
        long previous = -1;
        for (String line : lines) {
            int space = line.indexOf(' ');
            String messageId = line.substring(0, space);
            String json = line.substring(space + 1);
            JsonObject message = Json.createReader(new StringReader(json)).readObject();
            long position = messageId.equals("leaf") ? 2 * message.getJsonNumber("leafIndex").longValue() + 1
                    : 2 * message.getJsonNumber("treeSize").longValue();
            assertThat(messageId).isIn("leaf", "checkpoint");
            String earlier = first.putIfAbsent(position, json);
            if (earlier == null) {
                assertThat(position).as("a new message comes after every earlier one (tree order): %s", line)
                        .isGreaterThan(previous);
                previous = position;
            } else {
                assertThat(json).as("a repeat is the same message").isEqualTo(earlier);
            }
        }
        List<Map<String, Object>> leaves = db.select("SELECT leaf_index, table_code, row_id, leaf_hash FROM audit_leaf "
                + "ORDER BY leaf_index");
        List<Map<String, Object>> checkpoints = db.select("SELECT tree_size, root_hash, note FROM audit_checkpoint "
                + "ORDER BY tree_size");
        assertThat(first).as("one message per leaf and per checkpoint, nothing else")
                .hasSize(leaves.size() + checkpoints.size());
        Map<String, Map<Long, Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((code, name) -> {
            Map<Long, Map<String, Object>> byId = new LinkedHashMap<>();
            db.select("SELECT * FROM " + name).forEach(row -> byId.put((Long) row.get("id"), row));
            rows.put(code, byId);
        });
        for (Map<String, Object> leaf : leaves) {
            long index = (Long) leaf.get("leaf_index");
            String json = first.get(2 * index + 1);
            assertThat(json).as("leaf %d in the copy", index).isNotNull();
            JsonObject message = Json.createReader(new StringReader(json)).readObject();
            String table = (String) leaf.get("table_code");
            long id = (Long) leaf.get("row_id");
            assertThat(message.getString("table")).isEqualTo(table);
            assertThat(message.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(message.getString("leafHash")).isEqualTo(HEX.formatHex((byte[]) leaf.get("leaf_hash")));
            JsonObject row = message.getJsonObject("row");
            assertThat(leafHash(table, id, row)).as("leaf %d: the copied row gives the sealed hash", index)
                    .isEqualTo(message.getString("leafHash"));
            Map<String, Object> stored = rows.get(table).get(id);
            for (String column : row.keySet()) {
                if (!column.equals("occurred_at") && !column.equals("changes") && !column.equals("duration_ms")
                        && !column.equals("status")) {
                    assertThat(row.isNull(column) ? null : row.getString(column)).as("leaf %d, %s", index, column)
                            .isEqualTo(stored.get(column));
                }
            }
        }
        for (Map<String, Object> checkpoint : checkpoints) {
            long size = (Long) checkpoint.get("tree_size");
            String json = first.get(2 * size);
            assertThat(json).as("checkpoint %d in the copy", size).isNotNull();
            JsonObject message = Json.createReader(new StringReader(json)).readObject();
            assertThat(message.getString("rootHash")).isEqualTo(HEX.formatHex((byte[]) checkpoint.get("root_hash")));
            assertThat(message.getString("note")).isEqualTo(checkpoint.get("note"));
        }
    }

    private static final Map<String, String> TABLES = Map.of("state", "user_state_audit", "entity", "entity_audit",
            "request", "request_audit", "login", "login_audit");

    /**
     * SHA-256(0x00 ‖ leaf data), the leaf data written here from docs/INTEGRITY.md ("The leaves"):
     * each field its name then its value, both a 4-byte big-endian length and UTF-8 (null: -1).
     */
    private static String leafHash(String table, long id, JsonObject row) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of("version", "signal-audit-leaf-v1", "table", table, "id",
                Long.toString(id)));
        for (Map.Entry<String, JsonValue> field : row.entrySet()) {
            fields.add(field.getKey());
            fields.add(field.getValue().getValueType() == JsonValue.ValueType.NULL ? null : row.getString(field.getKey()));
        }
        for (String field : fields) {
            byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            data.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                data.writeBytes(bytes);
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 0);
            return HEX.formatHex(sha256.digest(data.toByteArray()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
