package org.signalaudit.store;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.signalaudit.configuration.control.ConfigurationCheck;

/**
 * What the persistence unit does before it logs in to the store, which Payara makes it do while
 * it prepares the deployment, before any bean of the application exists: first the configuration
 * is checked ({@link ConfigurationCheck}), so that a setting the application cannot use stops the
 * deployment with one line naming it instead of EclipseLink's report of a failed login.
 *
 * <p>Then it turns off EclipseLink's retry of a read that failed for want of a connection. By default it
 * tries three more times, five seconds apart, so while the database is down every read outside
 * a transaction (the identity store's, on every API call) took ten seconds or more to fail.
 * The pool already validates what it hands out, so a retry had nothing left to heal: one
 * immediate retry covers a connection lost between validation and use, and an outage fails at
 * once. Registered in persistence.xml ({@code eclipselink.session-event-listener}).
 */
public class StoreLogin extends SessionEventAdapter {

    @Override
    public void preLogin(SessionEvent event) {
        DatabaseLogin login = event.getSession().getLogin();
        ConfigurationCheck.beforeLogin(login);
        login.setQueryRetryAttemptCount(1);
        login.setDelayBetweenConnectionAttempts(0);
    }
}
