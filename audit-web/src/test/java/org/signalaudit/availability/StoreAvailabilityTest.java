package org.signalaudit.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * What the circuit breaker counts: the body of {@link StoreAvailability#reach}, called directly.
 * The breaker itself is MicroProfile Fault Tolerance's interceptor, which only a server runs:
 * {@code HealthAndMetricsIT} and {@code DatabaseOutageIT} prove it opens, turns requests away and
 * closes again.
 */
class StoreAvailabilityTest {

    private final StoreAvailability availability = new StoreAvailability();

    @Test
    void anUnreachableDatabaseIsTheOneFailureTheBreakerCountsAndItsCauseIsKept() {
        var refused = new EJBException(new PersistenceException(new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"))));

        assertThatThrownBy(() -> availability.reach(() -> {
            throw refused;
        })).isInstanceOf(StoreUnavailableException.class).hasCause(refused);
        assertThat(availability.foundDown()).as("the gauge").isTrue();
    }

    @Test
    void anyOtherFailureSaysTheDatabaseAnsweredAndPassesUnchanged() {
        var refusedRow = new PersistenceException("duplicate key value violates unique constraint");

        var fault = new OwnFault(refusedRow);

        assertThatThrownBy(() -> availability.reach(() -> {
            throw fault;
        })).isSameAs(fault);
        assertThat(availability.foundDown()).isFalse();
    }

    @Test
    void aReadThatReachesTheDatabaseClearsTheGauge() {
        assertThatThrownBy(() -> availability.reach(() -> {
            throw new EJBException(new ConnectException("Connection refused"));
        })).isInstanceOf(StoreUnavailableException.class);

        assertThat(availability.reach(() -> "alice")).isEqualTo("alice");
        assertThat(availability.foundDown()).isFalse();
    }

    @Test
    void whileTheDatabaseIsKnownDownOneRequestAtATimeTriesIt() throws Exception {
        assertThatThrownBy(() -> availability.reach(() -> {
            throw new EJBException(new ConnectException("Connection refused"));
        })).isInstanceOf(StoreUnavailableException.class);
        var trying = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var probe = CompletableFuture.supplyAsync(() -> availability.reach(() -> {
            trying.countDown();
            await(release);
            return "alice";
        }));
        await(trying);

        assertThatThrownBy(() -> availability.reach(() -> "bob")).as("another request while one tries")
                .isInstanceOf(CircuitBreakerOpenException.class);
        release.countDown();
        assertThat(probe.get()).isEqualTo("alice");
        assertThat(availability.reach(() -> "bob")).as("once the database was reached").isEqualTo("bob");
    }

    @Test
    void whileTheDatabaseIsUpRequestsTryItTogether() throws Exception {
        var trying = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> availability.reach(() -> {
            trying.countDown();
            await(release);
            return "alice";
        }));
        await(trying);

        assertThat(availability.reach(() -> "bob")).isEqualTo("bob");
        release.countDown();
        assertThat(first.get()).isEqualTo("alice");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReasonOfAWrappedFailureIsTheLinkThatSaysWhy() {
        var wrapped = new StoreUnavailableException(new EJBException(new ConnectException("Connection refused")));

        assertThat(StoreOutage.causedBy(wrapped)).isTrue();
        assertThat(StoreOutage.reason(wrapped)).isEqualTo("ConnectException: Connection refused");
        assertThat(StoreOutage.reason(new StoreUnavailableException()))
                .isEqualTo("StoreUnavailableException: The database was unreachable moments ago; not tried again yet");
    }

    /** A failure of the application's own, not the store's. */
    private static final class OwnFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OwnFault(Throwable cause) {
            super(cause);
        }
    }
}
