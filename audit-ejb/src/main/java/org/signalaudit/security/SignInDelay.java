package org.signalaudit.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.signalaudit.signal.Audited;

/**
 * The run of wrong passwords of an ADMIN or SUPERADMIN account, from one client address or (with
 * {@link #EVERY_ADDRESS}) from all of them, and the instant before which the account refuses to
 * sign in from there. It lives in the database, not in one JVM: every instance sees the same
 * delay. Audited, so every delay imposed or lifted has its {@code entity_audit} row with the
 * client's address and request id.
 */
@Entity
@Table(name = "sign_in_delay")
@Audited(key = "subject")
@NamedQuery(name = SignInDelay.OF_ACCOUNT, query = "SELECT d FROM SignInDelay d WHERE d.username = :username")
@NamedQuery(name = SignInDelay.WITH_FAILURES, query = "SELECT d FROM SignInDelay d WHERE d.failures > 0 "
        + "ORDER BY d.username, d.clientIp")
public class SignInDelay {

    public static final String OF_ACCOUNT = "SignInDelay.ofAccount";
    public static final String WITH_FAILURES = "SignInDelay.withFailures";
    public static final String EVERY_ADDRESS = "*";

    @Id
    @SequenceGenerator(name = "sign_in_delay_seq", sequenceName = "sign_in_delay_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_in_delay_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 110)
    private String subject;

    @Column(nullable = false, updatable = false, length = 64)
    private String username;

    @Column(name = "client_ip", nullable = false, updatable = false, length = 45)
    private String clientIp;

    @Column(nullable = false)
    private int failures;

    @Column(name = "delayed_until")
    private OffsetDateTime delayedUntil;

    @Version
    private long version;

    protected SignInDelay() {
        // for JPA
    }

    SignInDelay(String username, String clientIp) {
        this.username = Objects.requireNonNull(username, "username");
        this.clientIp = Objects.requireNonNull(clientIp, "clientIp");
        this.subject = EVERY_ADDRESS.equals(clientIp) ? username : username + "@" + clientIp;
    }

    public String username() {
        return username;
    }

    public String clientIp() {
        return clientIp;
    }

    public int failures() {
        return failures;
    }

    public boolean everyAddress() {
        return EVERY_ADDRESS.equals(clientIp);
    }

    /** The instant before which a sign-in is refused; null when there is none. */
    public Instant delayedUntil() {
        return delayedUntil == null ? null : delayedUntil.toInstant();
    }

    public boolean delays(Instant now) {
        return delayedUntil != null && now.isBefore(delayedUntil.toInstant());
    }

    /** One more wrong password; a delay of zero leaves the account open. */
    void failed(Instant now, Duration delay) {
        failures++;
        if (!delay.isZero()) {
            delayedUntil = now.plus(delay).atOffset(ZoneOffset.UTC);
        }
    }

    /** The owner signed in: the run of failures is over. */
    void reset() {
        failures = 0;
        delayedUntil = null;
    }
}
