package org.signalaudit.account.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.audit.seal.SealKey;
import org.signalaudit.cluster.DataGrid;

/**
 * Password hashing with Jakarta Security's PBKDF2, at the strength OWASP asks for today. The
 * stored form ({@code algorithm:iterations:salt:hash}) carries its own parameters, so raising
 * {@code audit.password.iterations} later leaves old hashes verifiable. A successful verification
 * is remembered for a few minutes ({@link VerifiedPasswords}, shared by the cluster's instances),
 * so HTTP Basic stays cheap.
 */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
    public static final int MINIMUM_ITERATIONS = 600_000;

    @Inject
    @ConfigProperty(name = "audit.password.iterations", defaultValue = "600000")
    int iterations;

    /** How long a verified password is remembered; 0 turns the memo off. */
    @Inject
    @ConfigProperty(name = "audit.password.verified-cache-seconds", defaultValue = "300")
    int verifiedCacheSeconds;

    @Inject
    Instance<Pbkdf2PasswordHash> hashes;

    @Inject
    DataGrid grid;

    /** The memo's proofs are MACs under a key derived from it, which the data grid never holds. */
    @Inject
    SealKey sealKey;

    private VerifiedPasswords verifiedPasswords;

    private Pbkdf2PasswordHash hash;
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalStateException("audit.password.iterations must be at least " + MINIMUM_ITERATIONS
                    + ", was " + iterations);
        }
        // Pbkdf2PasswordHash is @Dependent and initialize() keeps keys it is not given: a fresh
        // instance per configuration (DESIGN.md, known traps).
        hash = hashes.get();
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate("decoy-password-for-unknown-users".toCharArray());
        Duration lifetime = Duration.ofSeconds(verifiedCacheSeconds);
        verifiedPasswords = grid.caches().map(caches -> VerifiedPasswords.in(caches,
                sealKey.derivedKey("signal-audit verified passwords v1"), lifetime, Clock.systemUTC()))
                .orElseGet(() -> {
                    if (!lifetime.isZero()) {
                        Logger.getLogger(PasswordHashing.class.getName()).warning("Payara runs without its data grid "
                                + "(Hazelcast), which holds the cache of verified passwords: every request verifies "
                                + "its password in full");
                    }
                    return VerifiedPasswords.off(Clock.systemUTC());
                });
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Whether {@code password} is {@code username}'s, whose stored hash is {@code storedHash}. */
    public boolean verify(String username, String password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        if (verifiedPasswords.remembers(username, password, storedHash)) {
            return true;
        }
        boolean matches = hash.verify(password.toCharArray(), storedHash);
        if (matches) {
            verifiedPasswords.remember(username, password, storedHash);
        }
        return matches;
    }

    /**
     * The user's password, state or role changed: no instance takes a remembered verification any
     * more once the data grid has removed it (sent at once, not waited for).
     */
    public void forget(String username) {
        verifiedPasswords.forget(username);
    }

    /**
     * Spends the time a real verification takes, so an unknown username answers no faster than
     * a wrong password.
     */
    public void verifyDecoy(String password) {
        hash.verify(password.toCharArray(), decoy);
    }
}
