package org.signalaudit.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.MicroProcess;
import org.signalaudit.testing.ReliabilityRun;

/**
 * A normal start-up, a few requests and a normal shutdown log no WARNING or SEVERE record but
 * those of Payara itself listed here, each with why the application cannot avoid it: an operator
 * who learns that warnings are noise misses the real ones. The server runs as the one-command run
 * does, on an embedded H2 database (of this test's own), with a bootstrap superadmin.
 */
class QuietLogsIT {

    /** Payara's records on every start, whatever the application: what each is, and why it stays. */
    private static final List<Pattern> PAYARA_OWN = List.of(
            // Expired CA certificates in the truststore that Payara Micro ships (NCLS-SECURITY-05054).
            Pattern.compile("NCLS-SECURITY-05054"),
            // Hazelcast (Payara's data grid) reports the other Payara servers on this machine: ports
            // they occupy, members that join and leave (--nocluster leaves the grid running).
            Pattern.compile("com\\.hazelcast\\."),
            // Payara's descriptor parser does not know the Servlet 6 session cookie attribute of
            // web.xml (SameSite=Lax): "Unsupported deployment descriptors element attribute-name
            // value SameSite" (AS-DEPLOYMENT-00015; Payara Micro logs it without its text).
            Pattern.compile("AS-DEPLOYMENT-00015"),
            // Payara's resource adapter for every @DataSourceDefinition (RAR8068): the standard way
            // for an application to define its datasource.
            Pattern.compile("RAR8068: Using default datasource"),
            // Payara resolves the @DataSourceDefinition once before the application's configuration
            // sources are visible; the DataSource class, which one of them derives from the URL,
            // is found when Payara resolves it again (SchemaMigration says why it has no default).
            Pattern.compile("MicroProfile Config: property 'audit\\.db\\.datasource': no value found"),
            // The JDBC driver the WAR ships registers itself; Payara unregisters it from the
            // temporary class loader it scans the WAR with ("[unknown]").
            Pattern.compile("The web application \\[unknown\\] registered the JDBC driver"),
            // The operator's command mode runs as SUPERADMIN (@RunAs on an EJB in the WAR). Payara
            // scans the WAR's classes as a web module first, where @RunAs belongs to servlets only
            // ("annotation symbol inheritance is not supported", naming that class), and says which
            // principal it took for the run-as role (computeRunAsPrincipal: CLI, the only one).
            Pattern.compile("The annotation symbol inheritance is not supported"),
            Pattern.compile("enterprise\\.deployment\\.backend\\.computeRunAsPrincipal"));

    private static final Pattern RECORD = Pattern.compile(
            "^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[(?<level>WARNING|SEVERE)\\] \\[(?<id>[^\\]]*)\\] \\[(?<logger>[^\\]]*)\\]"
                    + "[^\\]]*\\][^\\]]*\\][^\\]]*\\] ?(?<message>.*)$");
    private static final Pattern ANSI = Pattern.compile("\\u001B\\[[0-9;]*m");

    @RegisterExtension
    final ReliabilityRun run = new ReliabilityRun();

    @Test
    void aNormalStartRequestsAndShutdownLogNoWarningButPayarasOwn() {
        String h2 = "jdbc:h2:file:" + run.directory().resolve("h2").resolve("audit") + ";AUTO_SERVER=FALSE";
        MicroProcess server = run.server(List.of("-Daudit.db.url=" + h2,
                "-Daudit.bootstrap.superadmin-password=" + Api.SUPERADMIN_PASSWORD));
        Api superadmin = server.api().asSuperadmin();
        assertThat(superadmin.get("api/users").send().status()).isEqualTo(200);
        assertThat(superadmin.get("api/audit/state-changes?username=" + Api.SUPERADMIN).send().status()).isEqualTo(200);
        server.stop();

        assertThat(warnings(server.output())).as("WARNING and SEVERE records in %s", server.log())
                .filteredOn(record -> PAYARA_OWN.stream().noneMatch(known -> known.matcher(record).find()))
                .isEmpty();
    }

    /** Each WARNING or SEVERE record as one line: level, message id, logger and the start of its message. */
    private static List<String> warnings(String log) {
        List<String> records = new ArrayList<>();
        List<String> lines = ANSI.matcher(log).replaceAll("").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher record = RECORD.matcher(lines.get(i));
            if (record.matches()) {
                String message = record.group("message");
                if ((message.isBlank() || message.equals("[[")) && i + 1 < lines.size()) {
                    message = lines.get(i + 1).strip();
                }
                records.add(record.group("level") + " [" + record.group("id") + "] " + record.group("logger") + ": "
                        + message);
            }
        }
        return records;
    }
}
