package org.signalaudit.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * says "ready" and serves nothing: the JDBC URL, the DataSource class, the database's answer, the
 * seal keystore (none on PostgreSQL, missing, not PKCS#12, a wrong password, a key that is not
 * Ed25519), and every number and duration of the README's configuration table.
 */
class ConfigurationIT {

    private static final Duration EXITS_WITHIN = Duration.ofMinutes(3);
    private static final String REFUSED = "Configuration refused, the application does not start: ";
    private static final String RSA_PASSWORD = "rsa-test-password";

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void aPostgresqlUrlIsEnoughWithoutADataSourceClass() {
        ScratchDatabase database = run.database("signal_audit_configuration");
        MicroProcess server = run.server(database, 0); // MicroProcess passes the URL, user and password only

        assertThat(server.api().asSuperadmin().get("api/users/" + Api.SUPERADMIN).send().status()).isEqualTo(200);
        assertThat(server.output()).doesNotContain(REFUSED);
    }

    static Stream<Arguments> unusableSettings() throws IOException, InterruptedException {
        String testDatabase = ScratchDatabase.onTestServer("signal_audit_configuration").url();
        String nobodyListens = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/audit";
        Path keys = Files.createTempDirectory("configuration-it-keys");
        Path missing = keys.resolve("missing.p12");
        Path garbage = Files.writeString(keys.resolve("garbage.p12"), "not a keystore");
        Path rsa = rsaKeystore(keys.resolve("rsa.p12"));
        String testKeystore = System.getProperty("audit.test.seal.keystore");
        return Stream.of(
                Arguments.of(Map.of("AUDIT_DB_URL", "jdbc:mysql://127.0.0.1:3306/audit"),
                        List.of("audit.db.url (AUDIT_DB_URL): unknown JDBC URL scheme in 'jdbc:mysql://127.0.0.1:3306/audit': "
                                + "use jdbc:postgresql: or jdbc:h2:")),
                Arguments.of(withSealKey(Map.of("AUDIT_DB_URL", nobodyListens, "AUDIT_DB_USER", "signal_audit")),
                        List.of("audit.db.url (AUDIT_DB_URL): cannot connect to " + nobodyListens + " as signal_audit: ")),
                Arguments.of(withSealKey(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_DB_DATASOURCE", "org.h2.jdbcx.JdbcDataSource")),
                        List.of("audit.db.datasource (AUDIT_DB_DATASOURCE): org.h2.jdbcx.JdbcDataSource is H2's DataSource but "
                                + "AUDIT_DB_URL names a POSTGRESQL database")),
                // The seal key: none on PostgreSQL, a file that is not there, not PKCS#12, locked by
                // another password, or holding another kind of key.
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): not set: a deployment on POSTGRESQL needs the "
                                + "PKCS#12 keystore of the Ed25519 key that signs the audit checkpoints")),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_SEAL_KEYSTORE", missing.toString(),
                                "AUDIT_SEAL_KEYSTORE_PASSWORD", "seal-test-password"),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore not found: " + missing)),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_SEAL_KEYSTORE", garbage.toString(),
                                "AUDIT_SEAL_KEYSTORE_PASSWORD", "seal-test-password"),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore " + garbage
                                + " is not a readable PKCS#12 file")),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_SEAL_KEYSTORE", testKeystore,
                                "AUDIT_SEAL_KEYSTORE_PASSWORD", "not-the-password"),
                        List.of("audit.seal.keystore-password (AUDIT_SEAL_KEYSTORE_PASSWORD): seal keystore " + testKeystore
                                + ": wrong password")),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_SEAL_KEYSTORE", rsa.toString(),
                                "AUDIT_SEAL_KEYSTORE_PASSWORD", RSA_PASSWORD),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore " + rsa
                                + ": entry 'seal' holds a key of type RSA, not an Ed25519 private key")),
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
                                "audit.syslog.port (AUDIT_SYSLOG_PORT): 70000 is out of range: 1 to 65535")),
                // Values that are no numbers or durations, and a longest delay below the first.
                Arguments.of(withSealKey(Map.of("AUDIT_DB_URL", testDatabase,
                                "AUDIT_SEAL_INTERVAL", "fast",
                                "AUDIT_INVITATION_TTL", "7 days",
                                "AUDIT_SIGN_IN_DELAY_INITIAL_SECONDS", "10",
                                "AUDIT_SIGN_IN_DELAY_MAX_SECONDS", "5")),
                        List.of("audit.seal.interval (AUDIT_SEAL_INTERVAL): 'fast' is not a whole number",
                                "audit.invitation.ttl (AUDIT_INVITATION_TTL): '7 days' is not an ISO-8601 duration",
                                "audit.sign-in-delay.max-seconds (AUDIT_SIGN_IN_DELAY_MAX_SECONDS): 5 is out of range: at "
                                        + "least audit.sign-in-delay.initial-seconds (10)")));
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

    /** A PKCS#12 keystore as keytool makes it, holding an RSA key where the seal key must be Ed25519. */
    private static Path rsaKeystore(Path file) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12", "-alias", "seal",
                "-dname", "CN=seal", "-validity", "1", "-keystore", file.toString(), "-storepass", RSA_PASSWORD,
                "-keypass", RSA_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
        return file;
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
