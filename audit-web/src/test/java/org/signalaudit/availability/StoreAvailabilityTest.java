package org.signalaudit.availability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreAvailabilityTest {

    private final StoreAvailability store = new StoreAvailability();

    @Test
    void whileUpEveryRequestTries() {
        assertThat(store.mayTry()).isTrue();
        assertThat(store.mayTry()).isTrue();
        assertThat(store.knownDown()).isFalse();
    }

    @Test
    void onceDownTheOthersAreTurnedAwayUntilItIsTimeForOneProbe() throws InterruptedException {
        store.down();

        assertThat(store.mayTry()).isFalse();
        assertThat(store.knownDown()).isTrue();

        Thread.sleep(StoreAvailability.PROBE_MILLIS + 50);
        assertThat(store.mayTry()).as("the probe").isTrue();
        assertThat(store.mayTry()).as("anyone else while the probe is under way").isFalse();
    }

    @Test
    void theFirstRequestThatReachesTheDatabaseReopensTheWayForAll() {
        store.down();
        store.up();

        assertThat(store.knownDown()).isFalse();
        assertThat(store.mayTry()).isTrue();
        assertThat(store.mayTry()).isTrue();
    }
}
