package org.signalaudit.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signalaudit.account.StateEvent.ACTIVATE;
import static org.signalaudit.account.StateEvent.DEACTIVATE;
import static org.signalaudit.account.StateEvent.LOCK;
import static org.signalaudit.account.StateEvent.REACTIVATE;
import static org.signalaudit.account.StateEvent.UNLOCK;
import static org.signalaudit.account.UserState.ACTIVE;
import static org.signalaudit.account.UserState.DEACTIVATED;
import static org.signalaudit.account.UserState.INVITED;
import static org.signalaudit.account.UserState.LOCKED;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;

import java.util.stream.Stream;

/** The whole transition table: every event from every state, legal and illegal. */
class StateMachineTest {

    /** DESIGN.md, "The user FSM", written out independently of the production table. */
    private static final Map<UserState, Map<StateEvent, UserState>> EXPECTED = Map.of(
            INVITED, Map.of(ACTIVATE, ACTIVE, DEACTIVATE, DEACTIVATED),
            ACTIVE, Map.of(LOCK, LOCKED, DEACTIVATE, DEACTIVATED),
            LOCKED, Map.of(UNLOCK, ACTIVE, DEACTIVATE, DEACTIVATED),
            DEACTIVATED, Map.of(REACTIVATE, ACTIVE));

    static Stream<Arguments> everyStateAndEvent() {
        return Stream.of(UserState.values())
                .flatMap(state -> Stream.of(StateEvent.values()).map(event -> Arguments.of(state, event)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndEvent")
    void theTableHasExactlyTheDesignedEdges(UserState from, StateEvent event) {
        Optional<UserState> expected = Optional.ofNullable(EXPECTED.get(from).get(event));

        assertThat(StateMachine.target(from, event)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "events from {0}")
    @MethodSource("states")
    void legalEventsAreTheEdgesOfTheState(UserState from) {
        assertThat(StateMachine.eventsFrom(from)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from).keySet());
    }

    static Stream<UserState> states() {
        return Stream.of(UserState.values());
    }
}
