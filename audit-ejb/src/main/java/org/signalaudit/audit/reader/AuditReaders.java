package org.signalaudit.audit.reader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The four readers together, for the boundaries that read every audit table. */
@ApplicationScoped
public class AuditReaders {

    @Inject
    StateChangeReader states;

    @Inject
    EntityChangeReader entities;

    @Inject
    RequestReader requests;

    @Inject
    LoginReader logins;

    public StateChangeReader states() {
        return states;
    }

    public EntityChangeReader entities() {
        return entities;
    }

    public RequestReader requests() {
        return requests;
    }

    public LoginReader logins() {
        return logins;
    }
}
