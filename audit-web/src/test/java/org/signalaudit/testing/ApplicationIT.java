package org.signalaudit.testing;

import java.net.MalformedURLException;
import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test of the application as the build produced it, on Payara Micro and PostgreSQL:
 * the server, the clients and the database view every such test starts from. Each test gets
 * fresh clients; nothing is shared between tests but the server and the database. The server is
 * one for all these classes ({@link SharedServer}): a test must not leave it in a state the next
 * class would notice (a setting, a broken connection, an alarm), and creates the users it needs.
 */
@ExtendWith(SharedServer.class)
public abstract class ApplicationIT {

    protected URL base;

    protected final AuditDatabase db = AuditDatabase.fromSystemProperties();
    protected Api api;
    protected Api superadmin;
    protected Accounts accounts;

    @BeforeEach
    final void connect(MicroProcess server) throws MalformedURLException {
        base = server.base().toURL();
        api = Api.at(base);
        superadmin = api.asSuperadmin();
        accounts = new Accounts(api);
    }
}
