package org.signalaudit.operator;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the operator's one command at start-up when {@code audit.cli.command} is set (only
 * {@code audit-cli} sets it), after the schema is migrated. The outcome goes back to the
 * {@code audit-cli} launcher in the same JVM through two system properties, the only channel
 * across the application's class loader: {@code audit.cli.exit-code} and {@code audit.cli.output}.
 * A command that fails never fails the deployment: it is an answer, like a 4xx.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "Bootstrap"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandMode {

    public static final String EXIT_CODE = "audit.cli.exit-code";
    public static final String OUTPUT = "audit.cli.output";
    private static final Logger LOG = Logger.getLogger(CommandMode.class.getName());

    @Inject
    @ConfigProperty(name = "audit.cli.command")
    Optional<String> command;

    @Inject
    Config config;

    @Inject
    OperatorConsole console;

    @PostConstruct
    void run() {
        if (command.filter(name -> !name.isBlank()).isEmpty()) {
            return;
        }
        var operatorCommand = new OperatorCommand(command.get(), value("username"), value("argument"), value("reason"),
                Optional.ofNullable(value("os-user")).orElse("unknown"), Optional.ofNullable(value("new-password")));
        LOG.info(() -> "Command mode: " + operatorCommand.line() + " for " + operatorCommand.osUser());
        OperatorConsole.Answer answer = console.run(operatorCommand);
        System.setProperty(OUTPUT, answer.output());
        System.setProperty(EXIT_CODE, Integer.toString(answer.exitCode()));
    }

    /** {@code audit.cli.<name>}, or null (MicroProfile Config reads an empty value as none). */
    private String value(String name) {
        return config.getOptionalValue("audit.cli." + name, String.class).orElse(null);
    }
}
