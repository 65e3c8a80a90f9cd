package org.signalaudit.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
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
 * variable and the problem, instead of a server that says "ready" and serves nothing.
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
                Arguments.of(Map.of("AUDIT_DB_URL", "jdbc:mysql://127.0.0.1:3306/audit"),
                        "audit.db.url (AUDIT_DB_URL): unknown JDBC URL scheme in 'jdbc:mysql://127.0.0.1:3306/audit': "
                                + "use jdbc:postgresql: or jdbc:h2:"),
                Arguments.of(Map.of("AUDIT_DB_URL", nobodyListens, "AUDIT_DB_USER", "signal_audit"),
                        "audit.db.url (AUDIT_DB_URL): cannot connect to " + nobodyListens + " as signal_audit: "),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_DB_DATASOURCE", "org.h2.jdbcx.JdbcDataSource"),
                        "audit.db.datasource (AUDIT_DB_DATASOURCE): org.h2.jdbcx.JdbcDataSource is H2's DataSource but "
                                + "AUDIT_DB_URL names a POSTGRESQL database"),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_LOCKOUT_MAX_FAILURES", "0"),
                        "audit.lockout.max-failures (AUDIT_LOCKOUT_MAX_FAILURES): 0 is out of range: at least 1"),
                Arguments.of(Map.of("AUDIT_DB_URL", testDatabase, "AUDIT_SYSLOG_HOST", "127.0.0.1",
                                "AUDIT_SYSLOG_PORT", "70000"),
                        "audit.syslog.port (AUDIT_SYSLOG_PORT): 70000 is out of range: 1 to 65535"));
    }

    @ParameterizedTest
    @MethodSource("unusableSettings")
    void anUnusableSettingStopsTheDeploymentWithOneLineAndPayaraMicroExitsWithStatus1(Map<String, String> environment,
            String line) {
        MicroProcess server = run.launch(environment);

        assertThat(server.exitStatus(EXITS_WITHIN)).as("exit status; see %s", server.log()).isEqualTo(1);
        assertThat(server.output().lines().filter(text -> text.contains("FailedStart") && text.contains("SEVERE")))
                .as("the application's SEVERE lines in %s", server.log())
                .anySatisfy(text -> assertThat(text).contains(REFUSED + line))
                .anySatisfy(text -> assertThat(text).contains("Payara Micro stops with exit status 1"));
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
