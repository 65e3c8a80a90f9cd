package org.signalaudit.testing;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test of the application as the build produced it, on Payara Micro and PostgreSQL:
 * the deployment, the clients and the database view every such test starts from. Each test gets
 * fresh clients; nothing is shared between tests but the server and the database.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ApplicationIT {

    @ArquillianResource
    protected URL base;

    protected final AuditDatabase db = AuditDatabase.fromSystemProperties();
    protected Api api;
    protected Api superadmin;
    protected Accounts accounts;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.application();
    }

    @BeforeEach
    final void connect() {
        api = Api.at(base);
        superadmin = api.asSuperadmin();
        accounts = new Accounts(api);
    }
}
