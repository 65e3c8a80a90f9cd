package org.signalaudit.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.crypto.spec.SecretKeySpec;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memo on a real JCache: a Hazelcast member of the test's own (a cluster of one, no network
 * discovery), as Payara's data grid provides it.
 */
class VerifiedPasswordsTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

    private static HazelcastInstance member;
    private static CacheManager caches;

    private final MutableClock clock = new MutableClock();
    private final VerifiedPasswords memo = VerifiedPasswords.in(caches, KEY, Duration.ofMinutes(5), clock);
    private final String user = "u-" + UUID.randomUUID();

    @BeforeAll
    static void startMember() {
        var config = new Config().setClusterName("verified-passwords-test-" + UUID.randomUUID());
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        member = Hazelcast.newHazelcastInstance(config);
        caches = Caching.getCachingProvider("com.hazelcast.cache.HazelcastMemberCachingProvider")
                .getCacheManager(null, null, HazelcastCachingProvider.propertiesByInstanceItself(member));
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @Test
    void remembersAVerifiedPasswordForItsHashOnly() {
        memo.remember(user, "correct horse", "hash-1");

        assertThat(memo.remembers(user, "correct horse", "hash-1")).isTrue();
        assertThat(memo.remembers(user, "correct horse", "hash-2")).as("the password was changed").isFalse();
        assertThat(memo.remembers(user, "wrong horse", "hash-1")).isFalse();
        assertThat(memo.remembers(user, "correct horsehash-1", "")).as("no ambiguity in the key").isFalse();
        assertThat(memo.remembers("someone-else", "correct horse", "hash-1")).as("another user").isFalse();
    }

    @Test
    void forgetsAfterItsLifetime() {
        memo.remember(user, "pw", "hash");
        clock.advance(Duration.ofMinutes(5));

        assertThat(memo.remembers(user, "pw", "hash")).isFalse();
    }

    @Test
    void aChangedAccountIsForgotten() {
        memo.remember(user, "pw", "hash");
        memo.forget(user);

        assertThat(memo.remembers(user, "pw", "hash")).isFalse();
    }

    @Test
    void everyInstanceSharesOneMemoUnderOneKey() {
        var another = VerifiedPasswords.in(caches, KEY, Duration.ofMinutes(5), clock);
        memo.remember(user, "pw", "hash");

        assertThat(another.remembers(user, "pw", "hash")).as("verified through the other instance").isTrue();
        another.forget(user);
        assertThat(memo.remembers(user, "pw", "hash")).as("forgotten through the other instance").isFalse();
    }

    @Test
    void aZeroLifetimeTurnsItOff() {
        var off = VerifiedPasswords.in(caches, KEY, Duration.ZERO, clock);
        off.remember(user, "pw", "hash");

        assertThat(off.remembers(user, "pw", "hash")).isFalse();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
