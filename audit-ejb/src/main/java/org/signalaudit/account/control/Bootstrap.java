package org.signalaudit.account.control;

import java.util.Optional;
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
 * First start on an empty store: when no SUPERADMIN exists and
 * {@code AUDIT_BOOTSTRAP_SUPERADMIN_PASSWORD} is set, creates the ACTIVE user {@code superadmin}
 * through the state machine, so its creation is audited like any other (initiator
 * {@code system:bootstrap}, origin SYSTEM).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class Bootstrap {

    static final String USERNAME = "superadmin";
    private static final String INITIATOR = Initiators.system("bootstrap");
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "audit.bootstrap.superadmin-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "audit.bootstrap.superadmin-email", defaultValue = "superadmin@localhost")
    String email;

    @Inject
    Accounts accounts;

    @Inject
    Enrolment enrolment;

    @PostConstruct
    void createSuperadmin() {
        if (password.filter(p -> !p.isBlank()).isEmpty() || accounts.anyWithRole(Role.SUPERADMIN)) {
            return;
        }
        var invited = enrolment.invite(USERNAME, email, Role.SUPERADMIN, INITIATOR);
        enrolment.accept(invited.user(), password.get(), INITIATOR);
        // Write now, inside this bean's invocation: the transaction commits after @PostConstruct has
        // returned, where no component invocation is active, and the audit writers that a flush
        // at commit would call there make Payara warn (AS-JTA-00003) on every start.
        accounts.flush();
        LOG.info("Created the bootstrap SUPERADMIN 'superadmin'");
    }
}
