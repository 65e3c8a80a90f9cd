package org.signalaudit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInDelaysTest {

    private final SignInDelays delays = configured(1, 300);

    @Test
    void theFirstFailuresCostNothingThenTheDelayDoubles() {
        assertThat(delays.delay(1, 5)).isZero();
        assertThat(delays.delay(4, 5)).isZero();
        assertThat(delays.delay(5, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delays.delay(6, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(delays.delay(10, 5)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void theDelayNeverExceedsTheMaximumHoweverManyFailures() {
        assertThat(delays.delay(14, 5)).isEqualTo(Duration.ofSeconds(300));
        assertThat(delays.delay(50, 5)).isEqualTo(Duration.ofSeconds(300));
        assertThat(delays.delay(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void anUnusableConfigurationIsRefusedAtStartUp() {
        configured(1, 1).validate(new Object());
        assertThatThrownBy(() -> configured(0, 300).validate(new Object()))
                .hasMessageContaining("audit.sign-in-delay.initial-seconds must be at least 1");
        assertThatThrownBy(() -> configured(10, 5).validate(new Object()))
                .hasMessageContaining("they are 10 and 5");
    }

    private static SignInDelays configured(long initialSeconds, long maxSeconds) {
        SignInDelays configured = new SignInDelays();
        configured.initialSeconds = initialSeconds;
        configured.maxSeconds = maxSeconds;
        configured.maxFailures = 5;
        return configured;
    }
}
