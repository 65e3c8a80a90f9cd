package org.signalaudit.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one server of every {@link ApplicationIT} class: this build's Payara Micro and WAR on the
 * test database, started when the first such class needs it and stopped when the test run ends
 * (JUnit closes what its root store holds). Its log is {@code target/application-server/payara-micro.log}.
 *
 * <p>Why one: each of those classes used to get an Arquillian deployment of its own, and with
 * Payara Micro a deployment is a new server, some 25 s a class on two cores, about seven minutes of
 * the suite. They are black-box tests that already share the database and make their own users,
 * so a fresh server bought them nothing. Arquillian has no deployment shared by several test
 * classes (arquillian-core#850); the in-container test ({@code EntitySignalsIT}) keeps Arquillian.
 *
 * <p>The server's options are {@link MicroProcess#systemProperties}'s plus the short sign-in
 * delays of 1 s doubling up to 2 s, so that {@code SignInDelayIT} waits seconds, not minutes.
 */
public final class SharedServer implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MicroProcess.class;
    }

    @Override
    public MicroProcess resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(start()), Running.class).server;
    }

    private static MicroProcess start() {
        var properties = new ArrayList<>(MicroProcess.systemProperties(System.getProperty("audit.test.db.url")));
        properties.addAll(List.of("-Daudit.sign-in-delay.initial-seconds=1", "-Daudit.sign-in-delay.max-seconds=2"));
        Path log = Path.of("target", "application-server", "payara-micro.log").toAbsolutePath();
        MicroProcess server = MicroProcess.start(properties, Map.of(), 0, log);
        System.out.println("Started the ApplicationIT classes' server: " + server);
        return server;
    }

    /** Stopped by JUnit at the end of the run, after the last test class. */
    private record Running(MicroProcess server) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            server.close();
        }
    }
}
