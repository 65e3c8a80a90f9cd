package org.signalaudit.testing;

import java.io.File;
import java.net.URISyntaxException;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one ShrinkWrap helper of all Arquillian tests. It deploys the archive the build produced
 * ({@code target/audit.war}, passed by failsafe as {@code audit.war}), so the tests exercise what
 * ships, not a hand-assembled look-alike. Its name gives the context root {@code /audit}.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        String path = System.getProperty("audit.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property audit.war must name the built WAR (run "
                    + "'./mvnw install -DskipTests' first), was " + path);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /**
     * The built WAR plus test-only classes, for in-container tests ({@code testable = true}):
     * Arquillian adds the test class and JUnit; this adds the given helpers and AssertJ.
     */
    public static WebArchive applicationWith(Class<?>... testClasses) {
        return application().addClasses(testClasses).addAsLibrary(jarOf(Assertions.class));
    }

    private static JavaArchive jarOf(Class<?> type) {
        try {
            File jar = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("No jar for " + type, e);
        }
    }
}
