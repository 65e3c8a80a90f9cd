package org.signalaudit.audit.retention;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.audit.RetentionRefusedException;

/**
 * Daily, at 02:17 UTC: creates the months ahead, then runs retention as {@code system:retention}.
 * Not persistent: a day missed while no instance ran is caught up by the next run, which drops
 * every month due. On H2 it only logs once a day that there is nothing to drop.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionTimer {

    static final String ACTOR = "system:retention";
    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @Inject
    Retention retention;

    @Schedule(hour = "2", minute = "17", timezone = "UTC", persistent = false)
    void daily() {
        try {
            retention.createMonthsAhead();
            retention.run(ACTOR, "daily retention (audit.retention.months)");
        } catch (RetentionRefusedException e) {
            LOG.fine(e::getMessage);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The daily audit retention failed; the next day's run retries", e);
        }
    }
}
