package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ProblemAssertions;

/**
 * The README's one-command run, as a user types it: Payara Micro with the built WAR, no database
 * configuration, in an empty directory. The application must come up on its embedded H2 file
 * database under ./signal-audit-data, with the demo accounts. Plain JUnit: no Arquillian here.
 */
class OneCommandRunIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path workingDirectory;

    @Test
    void theOneCommandRunServesTheDemoAccountsFromTheEmbeddedDatabase() throws Exception {
        int port = freePort();
        Path war = Path.of(System.getProperty("audit.war"));
        Path log = war.resolveSibling("one-command-run.log");
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("payara.micro.jar"),
                "--deploy", war.toString(),
                "--contextroot", "audit",
                "--port", Integer.toString(port),
                "--nocluster")
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // No database configuration at all, whatever the environment of the build holds.
        command.environment().keySet().removeIf(name -> name.startsWith("AUDIT_"));

        Process payara = command.start();
        try {
            URI root = URI.create("http://127.0.0.1:" + port + "/audit/");
            awaitOk(payara, root, log);

            Api.Response alice = Api.at(root.toURL()).as("alice", "alice-demo-password").get("api/users/alice").send();
            assertThat(alice.status()).as("%s", alice).isEqualTo(200);
            assertThat(alice.json().getString("state")).isEqualTo("ACTIVE");
            // The entity audit works on the embedded database too (its own V3, no jsonb there). The
            // seed invites and activates alice before the first flush: one INSERT, one CREATE row.
            Api.Response history = Api.at(root.toURL()).as("admin", "admin-demo-password")
                    .get("api/audit/entity-changes?type=UserAccount&id=alice").send();
            assertThat(history.status()).as("%s", history).isEqualTo(200);
            List<JsonObject> rows = history.json().getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(rows).extracting(row -> row.getString("action"), row -> row.getString("initiatedBy"))
                    .containsExactly(tuple("CREATE", "system:demo-seed"));
            assertThat(rows.get(0).getJsonObject("changes").getJsonObject("state").getString("new")).isEqualTo("ACTIVE");
            assertThat(rows.get(0).getJsonObject("changes").getJsonObject("passwordHash").getString("new")).isEqualTo("***");

            // The sealed log on H2: a signing key made next to the database, alice's row sealed and
            // provable, the whole log intact.
            Api superadmin = Api.at(root.toURL()).as("superadmin", "superadmin-demo-password");
            String proofOfAlice = "api/audit/proofs/inclusion?table=entity&id=" + rows.get(0).getJsonNumber("id").longValue();
            Instant sealedBy = Instant.now().plus(Duration.ofSeconds(30));
            while (superadmin.get(proofOfAlice).send().status() == 404 && Instant.now().isBefore(sealedBy)) {
                Thread.sleep(200);
            }
            Api.Response proof = superadmin.get(proofOfAlice).send();
            assertThat(proof.status()).as("%s", proof).isEqualTo(200);
            assertThat(superadmin.get("api/audit/verify").send().json().getBoolean("intact")).isTrue();
            // Retention on H2: no monthly partitions, so a run is refused; legal holds work all the same.
            assertThat(ProblemAssertions.assertProblem(superadmin.post("api/audit/retention/run")
                    .json(Api.json("reason", "one-command run")).send(), 409).getString("detail")).contains("H2");
            assertThat(superadmin.post("api/audit/holds").json(Api.json("username", "alice", "reason", "h2 hold"))
                    .send().status()).isEqualTo(201);

            Path data = workingDirectory.resolve("signal-audit-data");
            assertThat(data).isDirectory();
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(file -> file.getFileName().toString()).toList())
                        .anySatisfy(name -> assertThat(name).endsWith(".mv.db"))
                        .contains("seal-key.pem");
            }
        } finally {
            stop(payara);
        }
    }

    /** Polls the welcome page until it answers 200; fails early if the process died. */
    private static void awaitOk(Process payara, URI root, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(payara.isAlive()).as("Payara Micro exited early, see %s", log).isTrue();
            try {
                var response = http.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(5)).build(),
                        BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("No 200 from " + root + " within " + STARTUP + ", see " + log + ": "
                + tail(log));
    }

    private static void stop(Process payara) throws InterruptedException {
        payara.destroy();
        if (!payara.waitFor(30, TimeUnit.SECONDS)) {
            payara.destroyForcibly();
            payara.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
