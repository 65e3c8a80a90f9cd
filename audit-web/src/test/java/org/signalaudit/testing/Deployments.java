package org.signalaudit.testing;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
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
}
