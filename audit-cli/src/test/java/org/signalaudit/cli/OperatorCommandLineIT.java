package org.signalaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.AdminSession;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.AuditDatabase;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ProblemAssertions;
import org.signalaudit.testing.ScratchDatabase;
import org.signalaudit.testing.Sealing;

/**
 * The built {@code audit-cli.jar} as an operator runs it: a child process on the host, against
 * the database of a running server (this build's Payara Micro, a database of the test's own, so
 * that "the last active superadmin" is really the last). One test, in order, because every run of
 * the jar boots the application (tens of seconds on two cores): the last superadmin refused on
 * the API, the user screen's button and the command line, an override by the command line seen by the server at once,
 * recover-superadmin after a superuser deactivated the superadmin in SQL, and verify's exit codes.
 */
class OperatorCommandLineIT {

    private static final Duration CLI_WITHIN = Duration.ofMinutes(5);
    private static final String NEW_PASSWORD = "recovered-by-the-operator";

    private static ScratchDatabase database;
    private static MicroProcess server;
    private static AuditDatabase db;
    private static Path logs;
    private static int runs;

    @BeforeAll
    static void startServer() throws IOException {
        logs = Files.createDirectories(Path.of(System.getProperty("reliability.dir", "target/cli")));
        database = ScratchDatabase.onTestServer("signal_audit_cli").recreate();
        server = MicroProcess.start(database.url(), 0, logs.resolve("server.log"));
        db = AuditDatabase.at(database.url());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void theOperatorsCommandsGoThroughTheStateMachineAndTheServerSeesThemAtOnce() {
        Api superadmin = server.api().asSuperadmin();
        var user = new Accounts(server.api()).active("USER");

        // The last active superadmin: refused on the API, by every path, and the refusals are in the trail.
        ProblemAssertions.assertProblem(superadmin.put("api/users/superadmin/state")
                .json(Api.json("state", "DEACTIVATED", "reason", "oops")).send(), 409);
        var lock = superadmin.post("api/users/superadmin/transitions").json(Api.json("event", "LOCK")).send();
        assertThat(ProblemAssertions.assertProblem(lock, 409).getString("detail"))
                .contains("at least one active superadmin must remain");
        var screens = new AdminSession(server.api());
        assertThat(screens.signIn(Api.SUPERADMIN, Api.SUPERADMIN_PASSWORD, Api.newRequestId()).status()).isEqualTo(302);
        String page = "admin/user.xhtml?name=superadmin";
        Matcher deactivate = Pattern.compile("<button id=\"([^\"]+)\"[^>]*transition-DEACTIVATE")
                .matcher(screens.get(page, Api.newRequestId()).body());
        assertThat(deactivate.find()).as("the user page offers DEACTIVATE").isTrue();
        String clicked = Api.newRequestId();
        screens.ajax(screens.formOf(page, "user"), deactivate.group(1), clicked);
        assertThat(db.awaitRequestRow(clicked)).as("the screen's refusal in the trail")
                .containsEntry("error_class", "org.signalaudit.account.LastSuperadminException")
                .hasEntrySatisfying("error_detail", detail -> assertThat((String) detail)
                        .contains("at least one active superadmin must remain"));
        Run refused = cli("transition", "superadmin", "DEACTIVATE", "--reason", "by mistake");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.output()).contains("at least one active superadmin must remain");
        assertThat(db.existingUser("superadmin").state()).isEqualTo("ACTIVE");
        assertThat(db.select("SELECT status, origin, actor FROM request_audit WHERE method = 'CLI' AND path LIKE ?",
                "transition superadmin%")).containsExactly(Map.of("status", 409, "origin", "CLI", "actor", "CLI"));

        // With two active superadmins, one may go.
        var second = new Accounts(server.api()).active("SUPERADMIN");
        assertThat(superadmin.post("api/users/" + second.username() + "/transitions")
                .json(Api.json("event", "DEACTIVATE", "reason", "one is enough")).send().status()).isEqualTo(200);

        // An override from the host: the same signal and receiver, initiator and address CLI, the OS user in the reason.
        Run override = cli("override", user.username(), "LOCKED", "--reason", "suspicious activity");
        assertThat(override.exitCode()).as(override.toString()).isEqualTo(0);
        assertThat(override.output()).contains(user.username() + " is LOCKED");
        var row = last(db.rowsOf(user.username()));
        assertThat(row.event()).isEqualTo("OVERRIDE");
        assertThat(row.initiatedBy()).isEqualTo("CLI");
        assertThat(row.ipAddress()).isEqualTo("CLI");
        assertThat(row.reason()).startsWith("suspicious activity (audit-cli, operating-system user ")
                .contains(System.getProperty("user.name"));
        assertThat(db.select("SELECT origin FROM user_state_audit WHERE username = ? AND event = 'OVERRIDE'",
                user.username())).containsExactly(Map.of("origin", "CLI"));
        assertThat(user.client(server.api()).get("api/users/" + user.username()).send().status())
                .as("the server sees the lock on its next request").isEqualTo(401);
        assertThat(screens.get("admin/user.xhtml?name=" + user.username(), Api.newRequestId()).body())
                .as("the user page's history shows the command line's change like any other")
                .contains("by CLI", "suspicious activity (audit-cli, operating-system user");

        // A superuser deactivates the only superadmin behind the application's back: recover-superadmin.
        db.asSuperuser().execute("UPDATE user_account SET state = 'DEACTIVATED', version = version + 1 "
                + "WHERE username = 'superadmin'");
        assertThat(superadmin.get("api/users/superadmin").send().status()).isEqualTo(401);
        Run recovered = cliWithInput(NEW_PASSWORD + "\n", "recover-superadmin");
        assertThat(recovered.exitCode()).as(recovered.toString()).isEqualTo(0);
        assertThat(recovered.output()).contains("superadmin is ACTIVE");
        var reactivated = last(db.rowsOf("superadmin"));
        assertThat(reactivated.event()).isEqualTo("REACTIVATE");
        assertThat(reactivated.initiatedBy()).isEqualTo("CLI");
        assertThat(reactivated.startState()).isEqualTo("DEACTIVATED");
        assertThat(server.api().as("superadmin", NEW_PASSWORD).get("api/users/superadmin").send().status())
                .as("the new password works at once").isEqualTo(200);
        assertThat(superadmin.get("api/users/superadmin").send().status()).as("the old one no longer").isEqualTo(401);

        // verify: 0 on an intact log, 1 once a sealed row was edited behind the application's back.
        Run intact = cli("verify");
        assertThat(intact.exitCode()).as(intact.toString()).isEqualTo(0);
        assertThat(intact.output()).startsWith("intact");
        Sealing.awaitSealed(db, "state", row.id());
        db.asSuperuser().execute("SET session_replication_role = replica; "
                + "UPDATE user_state_audit SET reason = 'nothing to see' WHERE id = " + row.id());
        Run broken = cli("verify");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.output()).startsWith("BROKEN");
    }

    private static <T> T last(List<T> rows) {
        return rows.get(rows.size() - 1);
    }

    record Run(int exitCode, String output, Path log) {
    }

    private static Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs the built jar with the server's database in the environment, {@code input} on its standard input. */
    private static Run cliWithInput(String input, String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("audit.cli.jar")));
        command.addAll(List.of(args));
        Path log = logs.resolve("cli-" + (++runs) + "-" + args[0] + ".log");
        var builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(Map.of(
                "AUDIT_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource",
                "AUDIT_DB_URL", database.url(),
                "AUDIT_DB_USER", System.getProperty("audit.test.db.user"),
                "AUDIT_DB_PASSWORD", System.getProperty("audit.test.db.password"),
                "AUDIT_SEAL_KEYSTORE", System.getProperty("audit.test.seal.keystore"),
                "AUDIT_SEAL_KEYSTORE_PASSWORD", System.getProperty("audit.test.seal.keystore-password")));
        builder.environment().remove("AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD");
        try {
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            long started = System.nanoTime();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(CLI_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("audit-cli " + args[0] + " did not end; see " + log);
            }
            // What an operator waits for a command (README, "The operator's command line"); not asserted.
            System.out.printf("audit-cli %s: exit %d after %d s%n", String.join(" ", args), process.exitValue(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
