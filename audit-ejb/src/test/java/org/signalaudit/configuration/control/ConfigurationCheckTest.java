package org.signalaudit.configuration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalaudit.configuration.RejectedSetting;

/**
 * Every kind of setting the start-up check refuses, each with the one line it gives, checked on
 * the configuration alone. That a refusal stops Payara Micro with exit status 1 after exactly those
 * lines is ConfigurationIT's part, on a few of these cases: each start there costs a server's boot.
 */
class ConfigurationCheckTest {

    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/audit";
    private static final String PASSWORD = "seal-test-password";

    @TempDir
    static Path keys;

    private static Path ed25519;
    private static Path rsa;

    @BeforeAll
    static void keystores() throws IOException, InterruptedException {
        ed25519 = keytool(keys.resolve("seal.p12"), "Ed25519");
        rsa = keytool(keys.resolve("rsa.p12"), "RSA");
    }

    @Test
    void aPostgresqlUrlAndItsSealKeyAreEnough() {
        assertThat(ConfigurationCheck.refused(new MapConfig(withSealKey(Map.of("audit.db.url", POSTGRESQL))))).isEmpty();
    }

    static Stream<Arguments> unusableSettings() throws IOException {
        Path missing = keys.resolve("missing.p12");
        Path garbage = Files.writeString(keys.resolve("garbage.p12"), "not a keystore");
        return Stream.of(
                Arguments.of(Map.of("audit.db.url", "jdbc:mysql://127.0.0.1:3306/audit"),
                        List.of("audit.db.url (AUDIT_DB_URL): unknown JDBC URL scheme in 'jdbc:mysql://127.0.0.1:3306/audit': "
                                + "use jdbc:postgresql: or jdbc:h2:")),
                Arguments.of(withSealKey(Map.of("audit.db.url", POSTGRESQL, "audit.db.datasource", "org.h2.jdbcx.JdbcDataSource")),
                        List.of("audit.db.datasource (AUDIT_DB_DATASOURCE): org.h2.jdbcx.JdbcDataSource is H2's DataSource but "
                                + "AUDIT_DB_URL names a POSTGRESQL database")),
                Arguments.of(withSealKey(Map.of("audit.db.url", POSTGRESQL, "audit.db.datasource", "org.example.NoSuchDataSource")),
                        List.of("audit.db.datasource (AUDIT_DB_DATASOURCE): class org.example.NoSuchDataSource is not on the class path")),
                // The seal key: none on PostgreSQL, a file that is not there, not PKCS#12, locked by
                // another password, or holding another kind of key.
                Arguments.of(Map.of("audit.db.url", POSTGRESQL),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): not set: a deployment on POSTGRESQL needs the "
                                + "PKCS#12 keystore of the Ed25519 key that signs the audit checkpoints")),
                Arguments.of(Map.of("audit.db.url", POSTGRESQL, "audit.seal.keystore", missing.toString(),
                                "audit.seal.keystore-password", PASSWORD),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore not found: " + missing)),
                Arguments.of(Map.of("audit.db.url", POSTGRESQL, "audit.seal.keystore", garbage.toString(),
                                "audit.seal.keystore-password", PASSWORD),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore " + garbage
                                + " is not a readable PKCS#12 file")),
                Arguments.of(Map.of("audit.db.url", POSTGRESQL, "audit.seal.keystore", ed25519.toString(),
                                "audit.seal.keystore-password", "not-the-password"),
                        List.of("audit.seal.keystore-password (AUDIT_SEAL_KEYSTORE_PASSWORD): seal keystore " + ed25519
                                + ": wrong password")),
                Arguments.of(Map.of("audit.db.url", POSTGRESQL, "audit.seal.keystore", ed25519.toString()),
                        List.of("audit.seal.keystore-password (AUDIT_SEAL_KEYSTORE_PASSWORD): not set: the keystore "
                                + ed25519 + " needs it")),
                Arguments.of(Map.of("audit.db.url", POSTGRESQL, "audit.seal.keystore", rsa.toString(),
                                "audit.seal.keystore-password", PASSWORD),
                        List.of("audit.seal.keystore (AUDIT_SEAL_KEYSTORE): seal keystore " + rsa
                                + ": entry 'seal' holds a key of type RSA, not an Ed25519 private key")),
                // Values that are no numbers or durations, and a longest delay below the first.
                Arguments.of(withSealKey(Map.of("audit.db.url", POSTGRESQL,
                                "audit.seal.interval", "fast",
                                "audit.invitation.ttl", "7 days",
                                "audit.sign-in-delay.initial-seconds", "10",
                                "audit.sign-in-delay.max-seconds", "5")),
                        List.of("audit.seal.interval (AUDIT_SEAL_INTERVAL): 'fast' is not a whole number",
                                "audit.invitation.ttl (AUDIT_INVITATION_TTL): '7 days' is not an ISO-8601 duration",
                                "audit.sign-in-delay.max-seconds (AUDIT_SIGN_IN_DELAY_MAX_SECONDS): 5 is out of range: at "
                                        + "least audit.sign-in-delay.initial-seconds (10)")),
                Arguments.of(withSealKey(Map.of("audit.db.url", POSTGRESQL, "audit.sign-in-delay.max-seconds", "0")),
                        List.of("audit.sign-in-delay.max-seconds (AUDIT_SIGN_IN_DELAY_MAX_SECONDS): 0 is out of range: at "
                                + "least audit.sign-in-delay.initial-seconds (1)")));
    }

    @ParameterizedTest
    @MethodSource("unusableSettings")
    void anUnusableSettingIsRefusedWithOneLineNamingItsPropertyItsVariableAndTheProblem(Map<String, String> settings,
            List<String> lines) {
        List<String> refused = ConfigurationCheck.refused(new MapConfig(settings)).stream()
                .map(RejectedSetting::getMessage).toList();

        assertThat(refused).as("one line per refused setting").hasSize(lines.size());
        for (String line : lines) {
            assertThat(refused).anySatisfy(text -> assertThat(text)
                    .startsWith("Configuration refused, the application does not start: " + line));
        }
    }

    private static Map<String, String> withSealKey(Map<String, String> settings) {
        var with = new HashMap<>(settings);
        with.put("audit.seal.keystore", ed25519.toString());
        with.put("audit.seal.keystore-password", PASSWORD);
        return with;
    }

    /** A PKCS#12 keystore as the README tells an operator to make it, with a key of {@code algorithm}. */
    private static Path keytool(Path file, String algorithm) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", algorithm, "-storetype", "PKCS12", "-alias", "seal", "-dname", "CN=seal",
                "-validity", "1", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: %s", output).isZero();
        return file;
    }
}
