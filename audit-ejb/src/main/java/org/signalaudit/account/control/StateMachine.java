package org.signalaudit.account.control;

import static org.signalaudit.account.StateEvent.ACTIVATE;
import static org.signalaudit.account.StateEvent.DEACTIVATE;
import static org.signalaudit.account.StateEvent.LOCK;
import static org.signalaudit.account.StateEvent.REACTIVATE;
import static org.signalaudit.account.StateEvent.UNLOCK;
import static org.signalaudit.account.UserState.ACTIVE;
import static org.signalaudit.account.UserState.DEACTIVATED;
import static org.signalaudit.account.UserState.INVITED;
import static org.signalaudit.account.UserState.LOCKED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;

/**
 * The transition table of the user FSM, in one place (DESIGN.md, "The user FSM"). INVITE has no
 * source state (it creates the account) and OVERRIDE bypasses the table, so neither is an edge.
 */
public final class StateMachine {

    private static final Map<UserState, Map<StateEvent, UserState>> TABLE = new EnumMap<>(UserState.class);

    static {
        edge(INVITED, ACTIVATE, ACTIVE);
        edge(ACTIVE, LOCK, LOCKED);
        edge(LOCKED, UNLOCK, ACTIVE);
        edge(INVITED, DEACTIVATE, DEACTIVATED);
        edge(ACTIVE, DEACTIVATE, DEACTIVATED);
        edge(LOCKED, DEACTIVATE, DEACTIVATED);
        edge(DEACTIVATED, REACTIVATE, ACTIVE);
    }

    private StateMachine() {
    }

    /** The state {@code event} leads to from {@code from}, or empty when the table has no such edge. */
    public static Optional<UserState> target(UserState from, StateEvent event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** The events that are legal from {@code from}, in declaration order. */
    public static java.util.Set<StateEvent> eventsFrom(UserState from) {
        var events = TABLE.getOrDefault(from, Map.of()).keySet();
        return events.isEmpty() ? java.util.EnumSet.noneOf(StateEvent.class) : java.util.EnumSet.copyOf(events);
    }

    private static void edge(UserState from, StateEvent event, UserState to) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(StateEvent.class)).put(event, to);
    }
}
