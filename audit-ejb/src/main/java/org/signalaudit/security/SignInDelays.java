package org.signalaudit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in delays of ADMIN and SUPERADMIN accounts (issue 17). Locking such an account after
 * wrong passwords would let anyone, anonymous, take the administration away with a few requests
 * (OWASP ASVS V2.2.1: anti-automation must not become a denial of service of the account), so
 * their wrong passwords slow the next attempt down instead: after {@code audit.lockout.max-failures}
 * consecutive failures from one client address, that address waits
 * {@code audit.sign-in-delay.initial-seconds}, doubled at each further failure, never more than
 * {@code audit.sign-in-delay.max-seconds}; after twice as many failures from all addresses
 * together, every address waits the same way. Attempts during a delay are refused without looking
 * at the password, so they neither test a guess nor lengthen the delay: the owner can sign in
 * once it has passed. A successful sign-in ends every delay of the account.
 * <p>
 * The callers hold the account's row locked (the lockout policy), so the rows of one account
 * never change concurrently.
 */
@ApplicationScoped
public class SignInDelays {

    @Inject
    @ConfigProperty(name = "audit.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "audit.sign-in-delay.initial-seconds", defaultValue = "1")
    long initialSeconds;

    @Inject
    @ConfigProperty(name = "audit.sign-in-delay.max-seconds", defaultValue = "300")
    long maxSeconds;

    @PersistenceContext
    EntityManager em;

    /** An unusable delay stops the deployment with one clear line, not the first wrong password. */
    void validate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (initialSeconds < 1 || maxSeconds < initialSeconds) {
            throw new IllegalStateException("audit.sign-in-delay.initial-seconds must be at least 1 and "
                    + "audit.sign-in-delay.max-seconds at least as much; they are " + initialSeconds + " and " + maxSeconds);
        }
    }

    /** The instant before which the account refuses a sign-in from {@code clientIp}, if any. */
    public Optional<Instant> delayedUntil(String username, String clientIp, Instant now) {
        String address = addressOf(clientIp);
        return rowsOf(username).stream()
                .filter(row -> row.everyAddress() || row.clientIp().equals(address))
                .filter(row -> row.delays(now))
                .map(SignInDelay::delayedUntil)
                .max(Instant::compareTo);
    }

    /**
     * Every account and address with wrong passwords since the account's last sign-in, delayed or
     * not yet, by account and address: for the admin screens.
     */
    public List<SignInDelay> withFailures() {
        return em.createNamedQuery(SignInDelay.WITH_FAILURES, SignInDelay.class).getResultList();
    }

    /** One more wrong password for the account, from {@code clientIp}. */
    void failed(String username, String clientIp, Instant now) {
        List<SignInDelay> rows = rowsOf(username);
        SignInDelay address = row(rows, username, addressOf(clientIp));
        SignInDelay account = row(rows, username, SignInDelay.EVERY_ADDRESS);
        address.failed(now, delay(address.failures() + 1, maxFailures));
        account.failed(now, delay(account.failures() + 1, 2 * maxFailures));
    }

    /** The owner signed in (or an operator recovered the account): no delay any more. */
    public void reset(String username) {
        rowsOf(username).stream().filter(row -> row.failures() > 0).forEach(SignInDelay::reset);
    }

    /** The delay after the {@code failures}-th consecutive failure, the first {@code free - 1} costing none. */
    Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 30);
        long seconds = Math.min(maxSeconds, initialSeconds << doublings);
        return Duration.ofSeconds(Math.max(seconds, 0));
    }

    private SignInDelay row(List<SignInDelay> rows, String username, String clientIp) {
        return rows.stream().filter(row -> row.clientIp().equals(clientIp)).findFirst().orElseGet(() -> {
            SignInDelay created = new SignInDelay(username, clientIp);
            em.persist(created);
            return created;
        });
    }

    private List<SignInDelay> rowsOf(String username) {
        return em.createNamedQuery(SignInDelay.OF_ACCOUNT, SignInDelay.class)
                .setParameter("username", username)
                .getResultList();
    }

    /** No request context (never for a sign-in, but defensively): one shared row. */
    private static String addressOf(String clientIp) {
        return clientIp == null || clientIp.isBlank() ? "unknown" : clientIp;
    }
}
