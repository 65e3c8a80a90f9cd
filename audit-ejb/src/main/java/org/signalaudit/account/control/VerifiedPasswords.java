package org.signalaudit.account.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a password matched a stored hash, so that HTTP Basic (which
 * sends the password with every call) does not pay a 600,000-iteration PBKDF2 verification per
 * request (DESIGN.md, "Known traps").
 *
 * <p>What is remembered is the outcome of a pure function, {@code verify(password, storedHash)}:
 * keyed by an HMAC over both under a key that never leaves this process, so neither the password
 * nor anything that would help guess it is kept. Because the stored hash is part of the key, a
 * changed password can never match an old entry; the account's state and role are still read from
 * the database on every request, so locking or deactivating a user takes effect at once, on every
 * instance. Only successes are remembered: every wrong password still costs the attacker the
 * full verification and still counts towards the lockout.
 */
final class VerifiedPasswords {

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;

    VerifiedPasswords(Duration lifetime, int capacity, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    boolean remembers(String password, String storedHash) {
        if (lifetime.isZero()) {
            return false;
        }
        Instant until = verified.get(keyOf(password, storedHash));
        return until != null && clock.instant().isBefore(until);
    }

    void remember(String password, String storedHash) {
        if (lifetime.isZero()) {
            return;
        }
        if (verified.size() >= capacity) {
            evictExpiredOrAll();
        }
        verified.put(keyOf(password, storedHash), clock.instant().plus(lifetime));
    }

    int size() {
        return verified.size();
    }

    /** Drops what has expired; if everything is still fresh, starts over rather than grow. */
    private void evictExpiredOrAll() {
        Instant now = clock.instant();
        for (Iterator<Instant> it = verified.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next())) {
                it.remove();
            }
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    private String keyOf(String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
