package org.signalaudit.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;
import org.signalaudit.testing.ScratchDatabase;

/**
 * Configuration that cannot half-work, on this build's Payara Micro started the documented way
 * ({@code java -jar payara-micro.jar --deploy audit.war}, configured by environment variables):
 * a PostgreSQL JDBC URL is enough (no DataSource class), and every setting the application cannot
 * use ends the process with exit status 1 after one SEVERE line that names the setting, its
 * variable and the problem (a line for each when several are refused), instead of a server that
 * says "ready" and serves nothing. Each start costs a server's boot, so the starts here are the
 * three kinds of refusal: the database's answer (only a running pool can ask), the seal keystore
 * (none on PostgreSQL), and every number of the README's configuration table in one start, a line
 * each. Every other refusal (the URL's scheme, the DataSource class, each way a keystore fails,
 * values that are no numbers or durations) is the same check on other values:
 * ConfigurationCheckTest, in audit-ejb, gives each of them without a server.
 */
class ConfigurationIT {

    private static final Duration EXITS_WITHIN = Duration.ofMinutes(3);
    private static final String REFUSED = "Configuration refused, the application does not start: ";

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void aPostgresqlUrlIsEnoughWithoutADataSourceClass() {
        ScratchDatabase database = run.database("signal_audit_configuration");
        MicroProcess server = run.server(database, 0); // MicroProcess passes the URL, user and password only

        assertThat(server.api().asSuperadmin().get("api/users/" + Api.SUPERADMIN).send().status()).isEqualTo(200);
        assertThat(server.output()).doesNotContain(REFUSED);
    }

    static Stream<Arguments> unusableSettings() {
        String testDatabase = ScratchDatabase.onTestServer("signal_audit_configuration").url();
        String nobodyListens = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/audit";
        return Stream.of(
                Arguments.of(withSealKey(Map.of("AUDIT_DB_URL", nobodyListens, "AUDIT_DB_USER", "signal_audit")),
                        List.of("audit.db.url (AUDIT_DB_URL): cannot connect to " + nobodyListens + " as signal_audit: ")),
                // The seal key, none on PostgreSQL (every other way a keystore is refused:
                // ConfigurationCheckTest).
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): not set: a deployment on POSTGRESQL needs the "
                                + "PKCS#12 keystore of the Ed25519 key that signs the audit checkpoints")),
                // Every number of the README's configuration table out of its range in one start: a line each.
                Arguments.of(withSealKey(Map.ofEntries(Map.entry("AUDIT_DB_URL", testDatabase),
                                Map.entry("AUDIT_PASSWORD_ITERATIONS", "1000"),
                                Map.entry("AUDIT_PASSWORD_VERIFIED_CACHE_SECONDS", "-1"),
                                Map.entry("AUDIT_LOCKOUT_MAX_FAILURES", "0"),
                                Map.entry("AUDIT_API_MAX_BODY_BYTES", "0"),
                                Map.entry("AUDIT_SEAL_INTERVAL", "5"),
                                Map.entry("AUDIT_RETENTION_MONTHS", "0"),
                                Map.entry("AUDIT_SEAL_LAG_BOUND", "0"),
                                Map.entry("AUDIT_VERIFY_INTERVAL", "0"),
                                Map.entry("AUDIT_SIGN_IN_DELAY_INITIAL_SECONDS", "0"),
                                Map.entry("AUDIT_INVITATION_TTL", "PT0S"),
                                Map.entry("AUDIT_SPOOL_MAX_BYTES", "1000"),
                                Map.entry("AUDIT_SPOOL_REPLAY_INTERVAL", "5"),
                                Map.entry("ORG_SIGNALAUDIT_AVAILABILITY_STOREAVAILABILITY_REACH_CIRCUITBREAKER_DELAY", "-1"),
                                Map.entry("AUDIT_SYSLOG_HOST", "127.0.0.1"),
                                Map.entry("AUDIT_SYSLOG_PORT", "70000"))),
                        List.of("audit.password.iterations (AUDIT_PASSWORD_ITERATIONS): 1000 is out of range: at least 600000",
                                "audit.password.verified-cache-seconds (AUDIT_PASSWORD_VERIFIED_CACHE_SECONDS): -1 is out of "
                                        + "range: at least 0 (0 turns it off)",
                                "audit.lockout.max-failures (AUDIT_LOCKOUT_MAX_FAILURES): 0 is out of range: at least 1",
                                "audit.api.max-body-bytes (AUDIT_API_MAX_BODY_BYTES): 0 is out of range: at least 1",
                                "audit.seal.interval (AUDIT_SEAL_INTERVAL): 5 is out of range: from 10 to 60000",
                                "audit.retention.months (AUDIT_RETENTION_MONTHS): 0 is out of range: from 1 to 1200",
                                "audit.seal.lag-bound (AUDIT_SEAL_LAG_BOUND): 0 is out of range: at least 1",
                                "audit.verify.interval (AUDIT_VERIFY_INTERVAL): 0 is out of range: at least 1",
                                "audit.sign-in-delay.initial-seconds (AUDIT_SIGN_IN_DELAY_INITIAL_SECONDS): 0 is out of "
                                        + "range: at least 1",
                                "audit.invitation.ttl (AUDIT_INVITATION_TTL): PT0S is out of range: it must be longer than zero",
                                "audit.spool.max-bytes (AUDIT_SPOOL_MAX_BYTES): 1000 is out of range: at least 65536",
                                "audit.spool.replay-interval (AUDIT_SPOOL_REPLAY_INTERVAL): 5 is out of range: from 10 to 60000",
                                "org.signalaudit.availability.StoreAvailability/reach/CircuitBreaker/delay "
                                        + "(ORG_SIGNALAUDIT_AVAILABILITY_STOREAVAILABILITY_REACH_CIRCUITBREAKER_DELAY): -1 is out of "
                                        + "range: from 0 to 60000",
                                "audit.syslog.port (AUDIT_SYSLOG_PORT): 70000 is out of range: 1 to 65535")));
    }

    @ParameterizedTest
    @MethodSource("unusableSettings")
    void anUnusableSettingStopsTheDeploymentWithOneLineAndPayaraMicroExitsWithStatus1(Map<String, String> environment,
            List<String> lines) {
        MicroProcess server = run.launch(environment);

        assertThat(server.exitStatus(EXITS_WITHIN)).as("exit status; see %s", server.log()).isEqualTo(1);
        List<String> severe = server.output().lines().filter(text -> text.contains("FailedStart") && text.contains("SEVERE"))
                .toList();
        assertThat(severe).as("the application's SEVERE lines in %s", server.log())
                .anySatisfy(text -> assertThat(text).contains("Payara Micro stops with exit status 1"));
        for (String line : lines) {
            assertThat(severe).as("the application's SEVERE lines in %s", server.log())
                    .anySatisfy(text -> assertThat(text).contains(REFUSED + line));
        }
        assertThat(severe.stream().filter(text -> text.contains(REFUSED))
                .map(text -> text.substring(text.indexOf(REFUSED))).distinct())
                .as("one line per refused setting, no other").hasSize(lines.size());
    }

    /** {@code environment} with the test's seal keystore, so that only the setting under test is refused. */
    private static Map<String, String> withSealKey(Map<String, String> environment) {
        var with = new HashMap<>(environment);
        with.put("AUDIT_SEAL_KEYSTORE", System.getProperty("audit.test.seal.keystore"));
        with.put("AUDIT_SEAL_KEYSTORE_PASSWORD", System.getProperty("audit.test.seal.keystore-password"));
        return with;
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
