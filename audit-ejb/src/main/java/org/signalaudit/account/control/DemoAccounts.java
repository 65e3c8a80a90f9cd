package org.signalaudit.account.control;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.account.Role;
import org.signalaudit.signal.Initiators;

/**
 * Demo accounts for the one-command run, so a new user can try the API at once. Only on the
 * embedded H2 store and only while it has no SUPERADMIN: a PostgreSQL deployment never gets them.
 * Their creation is audited like any other (initiator {@code system:demo-seed}).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "Bootstrap"})
public class DemoAccounts {

    private static final String INITIATOR = Initiators.system("demo-seed");
    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    /** username, role, password: documented in the README, for the embedded database only. */
    static final String[][] ACCOUNTS = {
            {"superadmin", "SUPERADMIN", "superadmin-demo-password"},
            {"admin", "ADMIN", "admin-demo-password"},
            {"alice", "USER", "alice-demo-password"},
    };

    @Inject
    @ConfigProperty(name = "audit.db.url")
    String databaseUrl;

    @Inject
    @ConfigProperty(name = "audit.demo.accounts", defaultValue = "false")
    boolean enabled;

    @Inject
    Accounts accounts;

    @Inject
    Enrolment enrolment;

    @PostConstruct
    void seed() {
        if (!enabled || !databaseUrl.startsWith("jdbc:h2:") || accounts.anyWithRole(Role.SUPERADMIN)) {
            return;
        }
        var banner = new StringBuilder("Signal Audit demo accounts (embedded database only):");
        for (String[] account : ACCOUNTS) {
            var invited = enrolment.invite(account[0], account[0] + "@demo.invalid", Role.valueOf(account[1]), INITIATOR);
            enrolment.accept(invited.user(), account[2], INITIATOR);
            banner.append("\n  ").append(account[0]).append(" / ").append(account[2]).append(" (").append(account[1]).append(')');
        }
        var bob = enrolment.invite("bob", "bob@demo.invalid", Role.USER, INITIATOR);
        banner.append("\n  bob is INVITED; his invitation token: ").append(bob.token());
        // Write now, inside this bean's invocation: the transaction commits after @PostConstruct has
        // returned, where no component invocation is active, and the audit writers that a flush
        // at commit would call there make Payara warn (AS-JTA-00003) on every start.
        accounts.flush();
        LOG.info(banner::toString);
    }
}
