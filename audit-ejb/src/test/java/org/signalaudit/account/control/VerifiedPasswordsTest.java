package org.signalaudit.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final MutableClock clock = new MutableClock();
    private final VerifiedPasswords memo = new VerifiedPasswords(Duration.ofMinutes(5), 3, clock);

    @Test
    void remembersAVerifiedPasswordForItsHashOnly() {
        memo.remember("correct horse", "hash-1");

        assertThat(memo.remembers("correct horse", "hash-1")).isTrue();
        assertThat(memo.remembers("correct horse", "hash-2")).as("the password was changed").isFalse();
        assertThat(memo.remembers("wrong horse", "hash-1")).isFalse();
        assertThat(memo.remembers("correct horsehash-1", "")).as("no ambiguity in the key").isFalse();
    }

    @Test
    void forgetsAfterItsLifetime() {
        memo.remember("pw", "hash");
        clock.advance(Duration.ofMinutes(5));

        assertThat(memo.remembers("pw", "hash")).isFalse();
    }

    @Test
    void neverGrowsPastItsCapacity() {
        for (int i = 0; i < 10; i++) {
            memo.remember("pw" + i, "hash");
        }
        assertThat(memo.size()).isLessThanOrEqualTo(3);
        assertThat(memo.remembers("pw9", "hash")).isTrue();
    }

    @Test
    void aZeroLifetimeTurnsItOff() {
        var off = new VerifiedPasswords(Duration.ZERO, 3, clock);
        off.remember("pw", "hash");

        assertThat(off.remembers("pw", "hash")).isFalse();
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
