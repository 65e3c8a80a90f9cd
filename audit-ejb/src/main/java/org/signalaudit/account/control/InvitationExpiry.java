package org.signalaudit.account.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations not accepted within {@code audit.invitation.ttl} (ISO-8601, default P7D) expire:
 * an EJB timer finds the users still INVITED after that long and DEACTIVATEs each through the
 * state machine, in a transaction per user ({@link ExpiredInvitations}), initiator
 * {@code system:invitation-expiry}, origin SYSTEM, one audit row each.
 *
 * <p>Every instance runs its own (non-persistent) timer; several instances are safe by
 * construction rather than by electing one: a user is deactivated only if still INVITED when
 * read, and the write is optimistic-locked on the user's version, so of two instances that race
 * for one user the second fails its lock and rolls back, changing nothing and writing no row.
 * The timer looks every quarter of the TTL, at most every 15 minutes, so an invitation lives at
 * most a quarter longer than its TTL.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InvitationExpiry {

    private static final Logger LOG = Logger.getLogger(InvitationExpiry.class.getName());
    private static final Duration LONGEST_INTERVAL = Duration.ofMinutes(15);
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "audit.invitation.ttl", defaultValue = "P7D")
    Duration ttl;

    @Resource
    TimerService timers;

    @Inject
    ExpiredInvitations expired;

    @Inject
    Accounts accounts;

    @PostConstruct
    void schedule() {
        Duration interval = ttl.dividedBy(4);
        interval = interval.compareTo(LONGEST_INTERVAL) > 0 ? LONGEST_INTERVAL
                : interval.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : interval;
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("invitation-expiry", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expire() {
        OffsetDateTime invitedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(ttl);
        int count = 0;
        for (String username : accounts.invitedBefore(invitedBefore)) {
            try {
                if (expired.deactivate(username, invitedBefore, ttl)) {
                    count++;
                }
            } catch (EJBException lostRace) {
                // Another instance (or an administrator) changed the user first: nothing was written.
                LOG.log(Level.FINE, lostRace, () -> "Invitation of " + username + " not expired here");
            }
        }
        if (count > 0) {
            int expiredNow = count;
            LOG.info(() -> expiredNow + " invitations older than " + ttl + " expired (users DEACTIVATED)");
        }
    }
}
