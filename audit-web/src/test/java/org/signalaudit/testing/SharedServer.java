package org.signalaudit.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one server of every {@link ApplicationIT} class: this build's Payara Micro and WAR on the
 * test database, started when the first such class needs it and stopped when the test run ends
 * (JUnit closes what its root store holds). Its log is
 * {@code target/application-server/payara-micro.log}.
 *
 * <p>Why one: each of those classes used to get an Arquillian deployment of its own, and with
 * Payara Micro a deployment is a new server: about 20 s to start and a few to stop, for classes
 * whose tests take 1 to 15 s (the 17 classes took 555 s, now 156 s: docs/PERFORMANCE.md). They
 * are black-box tests that already share the database and make their own users, so a fresh server
 * bought them nothing. Arquillian has no deployment shared by several test
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

    /**
     * The server, started by the first class that asks. A start that failed is not tried again by
     * every later class (up to five minutes each): they fail at once with the first one's cause.
     */
    @Override
    public MicroProcess resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
        if (running.failure() != null) {
            throw new ParameterResolutionException("The ApplicationIT classes' server did not start: "
                    + running.failure().getMessage(), running.failure());
        }
        return running.server();
    }

    private static Running start() {
        var properties = new ArrayList<>(MicroProcess.systemProperties(MicroProcess.required("audit.test.db.url")));
        properties.addAll(List.of("-Daudit.sign-in-delay.initial-seconds=1", "-Daudit.sign-in-delay.max-seconds=2"));
        Path log = Path.of("target", "application-server", "payara-micro.log").toAbsolutePath();
        try {
            MicroProcess server = MicroProcess.start(properties, Map.of(), 0, log);
            System.out.println("Started the ApplicationIT classes' server: " + server);
            return new Running(server, null);
        } catch (RuntimeException e) {
            return new Running(null, e);
        }
    }

    /** Stopped by JUnit at the end of the run, after the last test class. */
    private record Running(MicroProcess server, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
