package org.signalaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.testing.ProblemAssertions.assertProblem;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.signalaudit.proof.SealKeys;
import org.signalaudit.proof.SignedNote;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.Sealing;

/**
 * The evidence pack as an auditor gets it: downloaded over HTTP from the running application, then
 * checked by the verifier jar the build produced, run as a process of its own with nothing but the
 * JDK (no class path, no server, no database). A real pack is VERIFIED (exit 0); copies with a
 * changed byte of a row, a row dropped, another checkpoint, an edited checkpoint or another key
 * FAIL (exit 1) naming what was tampered with. Rows the sealer has not reached are left out and
 * counted; bad requests are problems; the download is a read of the audit log (AUDIT_READ).
 */
class EvidencePackIT extends ApplicationIT {

    private static final Path VERIFIER = Path.of(System.getProperty("audit.verify.jar"));
    private static final String REASON = "it: evidence \"quoted\", caf\u00e9 \u2603\nsecond line";

    @Test
    void aRealPackIsVerifiedByTheBuiltJarAndEachTamperingFailsNamingIt() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String username = accounts.active("USER").username();
        transition(username, "LOCK");
        Path dir = packs();
        Path earlier = download(query(username, from), dir.resolve("earlier.zip"), Api.newRequestId());
        transition(username, "UNLOCK");
        List<Long> ids = db.rowsOf(username).stream().map(org.signalaudit.testing.AuditDatabase.AuditRow::id).toList();
        assertThat(ids).hasSize(4);
        ids.forEach(id -> Sealing.awaitSealed(db, "state", id));
        String requestId = Api.newRequestId();

        Path pack = download(query(username, from), dir.resolve("pack.zip"), requestId);

        Map<String, String> entries = entries(pack);
        assertThat(entries.keySet()).containsExactly("key.pub", "checkpoint.note", "rows.jsonl", "manifest.note",
                "retention.json", "README.md");
        assertThat(entries.get("retention.json")).startsWith("[");
        List<String> lines = entries.get("rows.jsonl").lines().toList();
        assertThat(lines).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(lines.get(i)).startsWith("{\"n\":" + (i + 1) + ",\"table\":\"state\",\"id\":" + ids.get(i) + ",");
        }
        assertThat(lines.get(2)).contains("\"event\":\"LOCK\"").contains("\"username\":\"" + username + "\"");
        assertThat(entries.get("manifest.note")).contains("\nfilter username=" + username + "\n").contains("\nrows 4\n")
                .contains("\nunsealed 0\n");
        assertThat(entries.get("README.md")).contains("4 row(s)").contains("java -jar audit-verify.jar");
        assertThat(db.awaitRequestRow(requestId).get("category")).isEqualTo("AUDIT_READ");

        Path key = Files.writeString(dir.resolve("key.json"), superadmin.get("api/audit/checkpoint/key").send().body());
        Verdict verified = verify(pack, "--key", key.toString());
        assertThat(verified.status).as(verified.out).isZero();
        assertThat(verified.out).contains("VERIFIED: 4 row(s) of table state (filter username=" + username)
                .contains("OK    key: ").contains("given with --key").doesNotContain("FAIL");
        assertThat(verify(pack).status).isZero();

        long third = ids.get(2);
        assertFails(tampered(pack, "rows.jsonl", rows -> rows.replace("evidence \\\"quoted\\\"", "evidence \\\"qu0ted\\\"")),
                "FAILED: row: state row " + third + " (rows.jsonl line 3, leaf ", "the field reason shows");
        assertFails(tampered(pack, "rows.jsonl", rows -> {
            List<String> kept = new ArrayList<>(rows.lines().toList());
            kept.remove(1);
            return String.join("\n", kept) + "\n";
        }), "(rows.jsonl line 2, leaf ", "row(s) 2 were removed", "FAIL  completeness: rows.jsonl holds 3 row(s), the signed manifest 4");
        assertFails(tampered(pack, "checkpoint.note", note -> entries(earlier).get("checkpoint.note")),
                "FAILED: checkpoint: checkpoint.note is a tree of ", "the checkpoint was swapped");
        assertFails(tampered(pack, "checkpoint.note", note -> note.replaceFirst("\n[0-9]+\n", "\n1\n")),
                "FAILED: checkpoint: checkpoint.note: the signature");
        String otherKey = SignedNote.verifierKey(entries.get("key.pub").split("\\+")[0], SealKeys.generate().getPublic());
        assertFails(tampered(pack, "key.pub", old -> otherKey + "\n"), "FAILED: checkpoint: checkpoint.note: no signature of");
        assertFails(verify(pack, "--key", Files.writeString(dir.resolve("other.pub"), otherKey).toString()),
                "FAILED: key: the pack's key.pub");
    }

    @Test
    void rowsTheSealerHasNotReachedAreLeftOutAndCounted() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String username;
        Path dir = packs();
        Path pack;
        // A transaction holding a transaction id holds the sealer's horizon back (docs/INTEGRITY.md):
        // every row written meanwhile waits, committed but not sealed.
        try (Connection holder = DriverManager.getConnection(System.getProperty("audit.test.db.url"),
                System.getProperty("audit.test.db.user"), System.getProperty("audit.test.db.password"))) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            username = accounts.invite("USER").username();
            pack = download(query(username, from), dir.resolve("pack.zip"), Api.newRequestId());
            holder.rollback();
        }

        Map<String, String> entries = entries(pack);
        assertThat(entries.get("rows.jsonl")).isEmpty();
        assertThat(entries.get("manifest.note")).contains("\nrows 0\n").contains("\nunsealed 1\n");
        Verdict verdict = verify(pack);
        assertThat(verdict.status).as(verdict.out).isZero();
        assertThat(verdict.out).contains("0 row(s), 1 more matching row(s) left out as not sealed");
        long row = db.rowsOf(username).get(0).id();
        Sealing.awaitSealed(db, "state", row);
        assertThat(entries(download(query(username, from), dir.resolve("later.zip"), Api.newRequestId()))
                .get("manifest.note")).contains("\nrows 1\n").contains("\nunsealed 0\n");
    }

    @Test
    void badRequestsAreProblemsBeforeAnyByte() {
        assertThat(assertProblem(superadmin.get("api/audit/evidence?table=nope").send(), 400).getString("detail"))
                .contains("state, entity, login, request");
        assertProblem(superadmin.get("api/audit/evidence").send(), 400);
        assertThat(assertProblem(superadmin.get("api/audit/evidence?table=state&from=2026-02-01T00:00:00Z"
                + "&to=2026-01-01T00:00:00Z").send(), 400).getString("detail")).contains("must not be after");
        assertProblem(superadmin.get("api/audit/evidence?table=state&from=yesterday").send(), 400);
        assertProblem(superadmin.get("api/audit/evidence?table=state&event=NOPE").send(), 400);
        assertProblem(superadmin.get("api/audit/evidence?table=request&status=abc").send(), 400);
    }

    /** A directory of this run's packs under target/, kept for a look after the run. */
    private static Path packs() throws IOException {
        Path under = Path.of(System.getProperty("reliability.dir", "target")).resolveSibling("evidence-packs");
        return Files.createTempDirectory(Files.createDirectories(under), "run");
    }

    private void transition(String username, String event) {
        Api.Response answer = superadmin.post("api/users/" + username + "/transitions")
                .json(Api.json("event", event, "reason", REASON)).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }

    private static String query(String username, Instant from) {
        return "table=state&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&from=" + from
                + "&to=" + Instant.now().plusSeconds(3600);
    }

    /** GET /api/audit/evidence as the superadmin, the body as bytes into a file. */
    private Path download(String query, Path file, String requestId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((Api.SUPERADMIN + ":" + Api.SUPERADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/audit/evidence?" + query))
                .header("Authorization", "Basic " + basic).header(Api.REQUEST_ID, requestId).build();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).as("%s", Files.readString(file, StandardCharsets.ISO_8859_1)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"evidence-state-\\d{8}T\\d{6}Z-\\d{8}T\\d{6}Z\\.zip\"");
        return file;
    }

    private static Map<String, String> entries(Path pack) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                entries.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Not a readable pack: " + pack, e);
        }
        return entries;
    }

    /** A copy of the pack with one entry changed, the others byte for byte. */
    private static Path tampered(Path pack, String name, UnaryOperator<String> change) throws IOException {
        Path copy = Files.createTempFile(pack.getParent(), "tampered", ".zip");
        try (OutputStream out = Files.newOutputStream(copy); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries(pack).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                String content = entry.getKey().equals(name) ? change.apply(entry.getValue()) : entry.getValue();
                assertThat(entry.getKey().equals(name) ? !content.equals(entry.getValue()) : true)
                        .as("the tampering of %s changed it", name).isTrue();
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return copy;
    }

    private static void assertFails(Path pack, String... said) throws Exception {
        assertFails(verify(pack), said);
    }

    private static void assertFails(Verdict verdict, String... said) {
        assertThat(verdict.status).as(verdict.out).isEqualTo(1);
        assertThat(verdict.out).as(verdict.out).contains(said).doesNotContain("VERIFIED");
    }

    /** {@code java -jar audit-verify.jar pack.zip ...} with the JDK running this test, and nothing else. */
    private static Verdict verify(Path pack, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", VERIFIER.toString(), pack.toString()));
        command.addAll(Arrays.asList(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ended").isTrue();
        System.out.println("java -jar audit-verify.jar " + pack.getFileName() + " " + String.join(" ", more) + " -> "
                + process.exitValue() + "\n" + out);
        return new Verdict(process.exitValue(), out);
    }

    record Verdict(int status, String out) {
    }
}
