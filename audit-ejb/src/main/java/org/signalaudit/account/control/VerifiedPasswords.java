package org.signalaudit.account.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.hazelcast.cache.ICache;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;

/**
 * Remembers, for a short while, that a user's password matched their stored hash, so that HTTP
 * Basic (which sends the password with every call) does not pay a 600,000-iteration PBKDF2
 * verification per request (DESIGN.md, "Known traps"). The memo is a JCache of Payara's data grid,
 * shared by every instance of the cluster: a verification on instance 1 spares instance 3 its own.
 *
 * <p>What is remembered per username is the outcome of a pure function,
 * {@code verify(password, storedHash)}, as an HMAC over both under a key derived from the seal key
 * ({@code SealKey.derivedKey}), which every instance holds and the data grid never does, so what the
 * grid holds can be neither forged nor used to test guesses offline: neither the password nor
 * anything that would help guess it is kept. Because the stored
 * hash is part of the HMAC, a changed password can never match an old entry, and a wrong password
 * never matches the right one's; the account's state and role are still read from the database
 * on every request, so locking or deactivating a user takes effect at once, on every instance.
 * Besides, the entry of a user whose password, state or role changes is removed
 * ({@link #forget}), on every instance at once since there is one cache. Only successes are
 * remembered: every wrong password still costs the attacker the full verification and still
 * counts towards the lockout.
 *
 * <p>An entry lives {@code lifetime} from its verification, checked here against the clock (so
 * each instance keeps to its own setting) and by the cache's expiry, which reclaims it. One entry
 * per user bounds the memo by the number of users; the grid evicts the least recently used beyond
 * {@value #CAPACITY} entries per member all the same.
 *
 * <p>With several instances an entry lives on the member that owns its key, so most reads and
 * removals are a round trip to another member, which a request thread waits for. Nothing waits for
 * a removal ({@link #forget}): nothing depends on its timing, since the proof binds the stored
 * hash and the state and role are read from the database on every request. It is the data grid's
 * own asynchronous removal ({@link ICache}, Hazelcast's JCache, reached by JCache's
 * {@code unwrap}); JCache itself has none. The reads still wait (docs/PERFORMANCE.md, run 22).
 */
final class VerifiedPasswords {

    static final String CACHE = "signal-audit.verified-passwords";
    private static final Logger LOG = Logger.getLogger(VerifiedPasswords.class.getName());
    static final int CAPACITY = 10_000;

    private final Cache<String, String> verified;
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    private VerifiedPasswords(Cache<String, String> verified, SecretKeySpec key, Duration lifetime, Clock clock) {
        this.verified = verified;
        this.key = key;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * The memo in {@code caches} (created by the first instance that needs it), its proofs made with
     * {@code key}, or none for a zero lifetime.
     */
    static VerifiedPasswords in(CacheManager caches, SecretKeySpec key, Duration lifetime, Clock clock) {
        if (lifetime.isZero()) {
            return off(clock);
        }
        var configuration = new CacheConfig<String, String>();
        configuration.setTypes(String.class, String.class).setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                new javax.cache.expiry.Duration(TimeUnit.SECONDS, Math.max(1, lifetime.toSeconds()))));
        configuration.setEvictionConfig(new EvictionConfig().setSize(CAPACITY)
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setEvictionPolicy(EvictionPolicy.LRU));
        return new VerifiedPasswords(cache(caches, CACHE, configuration), key, lifetime, clock);
    }

    /** A memo that remembers nothing: {@code audit.password.verified-cache-seconds=0}, or no data grid. */
    static VerifiedPasswords off(Clock clock) {
        return new VerifiedPasswords(null, null, Duration.ZERO, clock);
    }

    boolean remembers(String username, String password, String storedHash) {
        if (verified == null) {
            return false;
        }
        String entry = verified.get(username);
        if (entry == null) {
            return false;
        }
        int colon = entry.indexOf(':');
        Instant until = Instant.ofEpochMilli(Long.parseLong(entry.substring(0, colon)));
        return clock.instant().isBefore(until) && MessageDigest.isEqual(
                entry.substring(colon + 1).getBytes(StandardCharsets.US_ASCII),
                proof(password, storedHash).getBytes(StandardCharsets.US_ASCII));
    }

    void remember(String username, String password, String storedHash) {
        if (verified != null) {
            verified.put(username, clock.instant().plus(lifetime).toEpochMilli() + ":" + proof(password, storedHash));
        }
    }

    /**
     * The user's password, state or role changed: whatever was verified before is forgotten,
     * cluster-wide, without waiting for the member that owns the entry to confirm it. A read that
     * follows on the same thread still sees the removal: the grid runs a partition's operations in
     * the order one caller sent them (VerifiedPasswordsTest and EntitySignalsIT read right after).
     */
    void forget(String username) {
        if (verified != null) {
            @SuppressWarnings("unchecked")
            ICache<String, String> grid = verified.unwrap(ICache.class);
            grid.removeAsync(username).whenComplete((removed, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, failure, () -> "The data grid did not forget the verified password of "
                            + username + "; the entry expires by itself and cannot match a changed password");
                }
            });
        }
    }

    private String proof(String password, String storedHash) {
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

    /** The named cache, created with {@code configuration} unless another instance was first. */
    private static Cache<String, String> cache(CacheManager caches, String name,
                                               javax.cache.configuration.Configuration<String, String> configuration) {
        Cache<String, String> cache = caches.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        try {
            return caches.createCache(name, configuration);
        } catch (CacheException createdMeanwhile) {
            return caches.getCache(name, String.class, String.class);
        }
    }
}
