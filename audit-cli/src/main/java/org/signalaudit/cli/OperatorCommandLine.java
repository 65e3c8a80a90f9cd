package org.signalaudit.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;

/**
 * {@code java -jar audit-cli.jar <command> ...}: the operator's way in when no screen can help
 * (issue 17). It does not write to the database itself: it boots the application (the WAR in
 * {@code lib/}, the server's own configuration from the same {@code AUDIT_*} environment) on
 * Payara Micro in this JVM, with clustering and the HTTP listener off, and the
 * {@code audit.cli.*} properties tell the application's command mode which one command to run.
 * The application answers through two system properties; this prints the answer and exits 0 or 1
 * (2 for a usage error or an application that did not start).
 */
public final class OperatorCommandLine {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar audit-cli.jar <command>",
            "  transition <username> <EVENT> [--reason <text>]   ACTIVATE, LOCK, UNLOCK, DEACTIVATE, REACTIVATE",
            "  override <username> <STATE> --reason <text>       INVITED, ACTIVE, LOCKED, DEACTIVATED",
            "  recover-superadmin [<username>]                    new password from standard input,",
            "                                                     else AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD",
            "  verify                                             the audit log's integrity: exit 0 intact, 1 not",
            "The database is the server's: AUDIT_DB_DATASOURCE, AUDIT_DB_URL, AUDIT_DB_USER, AUDIT_DB_PASSWORD.");

    private static final String PASSWORD_VARIABLE = "AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD";
    private static final String HTTP_LISTENER =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener";

    private OperatorCommandLine() {
    }

    public static void main(String[] args) {
        Map<String, String> properties;
        try {
            properties = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if ("recover-superadmin".equals(properties.get("audit.cli.command"))) {
            String password = newPassword();
            if (password != null) {
                properties.put("audit.cli.new-password", password);
            }
        }
        System.exit(run(properties));
    }

    /** The command line as the application's {@code audit.cli.*} configuration. */
    static Map<String, String> parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        String reason = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--reason")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--reason needs a text");
                }
                reason = args.get(++i);
            } else if (arg.startsWith("--reason=")) {
                reason = arg.substring("--reason=".length());
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        String command = positional.get(0);
        int expected = switch (command) {
            case "transition", "override" -> 3;
            case "recover-superadmin" -> positional.size() == 1 ? 1 : 2;
            case "verify" -> 1;
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
        if (positional.size() != expected) {
            throw new IllegalArgumentException(command + ": wrong number of arguments");
        }
        if (command.equals("override") && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("override needs --reason");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("audit.cli.command", command);
        if (positional.size() > 1) {
            properties.put("audit.cli.username", positional.get(1));
        }
        if (positional.size() > 2) {
            properties.put("audit.cli.argument", positional.get(2));
        }
        if (reason != null) {
            properties.put("audit.cli.reason", reason);
        }
        properties.put("audit.cli.os-user", osUser());
        return properties;
    }

    /** Boots the application in command mode and returns the exit code. */
    static int run(Map<String, String> properties) {
        properties.forEach(System::setProperty);
        // Command mode never bootstraps a superadmin behind the operator's back (recover-superadmin
        // does it, audited as CLI), nor creates demo accounts. A blank value, since MicroProfile
        // Config takes an empty one for missing and would read the environment's instead.
        System.setProperty("audit.bootstrap.superadmin-password", " ");
        System.setProperty("audit.demo.accounts", "false");
        // Payara Micro logs to the console; the command's answer alone goes to standard output.
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(err);
        try {
            Path home = home();
            PayaraMicro micro = PayaraMicro.getInstance()
                    .setNoCluster(true)
                    .setHttpAutoBind(true)
                    .setHttpPort(freePort())
                    .setPrintLogo(false)
                    .addDeploymentFile(home.resolve("lib").resolve("audit.war").toFile());
            // Nothing is served in command mode: the HTTP listener is switched off before the boot.
            micro.setPreBootHandler(admin -> admin.run("set", HTTP_LISTENER + ".enabled=false"));
            micro.bootStrap();
        } catch (BootstrapException | IOException | RuntimeException e) {
            err.println("audit-cli: Payara Micro did not start: " + e);
            return 2;
        } finally {
            System.clearProperty("audit.cli.new-password");
        }
        String exitCode = System.getProperty("audit.cli.exit-code");
        if (exitCode == null) {
            err.println("audit-cli: the application did not run the command; its deployment failed (see above)");
            return 2;
        }
        out.println(System.getProperty("audit.cli.output"));
        out.flush();
        return Integer.parseInt(exitCode);
    }

    /**
     * The new password: typed at the terminal without echo, else the first line of standard input,
     * else (nothing piped in) the environment variable the bootstrap reads.
     */
    private static String newPassword() {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("New password for the superadmin: ");
            return typed == null ? null : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line != null && !line.isEmpty()) {
                return line;
            }
        } catch (IOException e) {
            // nothing readable on standard input: the environment's
        }
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    private static String osUser() {
        String user = System.getProperty("user.name", "unknown");
        try {
            return user + "@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return user;
        }
    }

    /** The directory of this jar, where lib/ is. */
    private static Path home() {
        try {
            return Path.of(OperatorCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot find the jar's directory", e);
        }
    }

    /** Not listened on (the listener is off), but Payara Micro still wants a port it could bind. */
    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
