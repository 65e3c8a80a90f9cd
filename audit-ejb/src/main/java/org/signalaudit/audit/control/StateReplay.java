package org.signalaudit.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.control.StateMachine;
import org.signalaudit.audit.ReplayMismatch;
import org.signalaudit.audit.ReplayMismatch.Problem;
import org.signalaudit.audit.ReplayReport;

/**
 * Replays {@code user_state_audit} user by user, in sealed order, through the state machine, and
 * compares where each user ends with {@code user_account}. Sealed order is the order of one user's
 * changes: rows carried from the hash chains keep their chain's (commit) order, and later rows are
 * sealed in the order of their transactions, which for one user is the order of commit (each
 * change read the user as the previous one committed it: optimistic locking refuses anything
 * else). Rows not sealed yet, the newest, follow in id order. One user's rows are in memory at a
 * time; the table is read once.
 * The caller gives a connection in a snapshot transaction, so both tables are seen at one instant.
 */
public final class StateReplay {

    private final Map<String, UserState> current;
    /** Retention has dropped months of state rows: a user's history may begin after their creation. */
    private final boolean retired;
    private final List<ReplayMismatch> listed = new ArrayList<>();
    private long mismatches;
    private long users;
    private long rows;

    private StateReplay(Map<String, UserState> current, boolean retired) {
        this.current = current;
        this.retired = retired;
    }

    public static ReplayReport run(Connection connection) throws SQLException {
        StateReplay replay = new StateReplay(currentStates(connection), stateRowsRetired(connection));
        try (PreparedStatement select = connection.prepareStatement("SELECT s.username, s.start_state, s.end_state, "
                + "s.event, s.id FROM user_state_audit s LEFT JOIN audit_leaf l ON l.table_code = 'state' "
                + "AND l.row_id = s.id ORDER BY s.username, l.leaf_index NULLS LAST, s.id")) {
            select.setFetchSize(1000);
            try (ResultSet result = select.executeQuery()) {
                replay.replayAll(result);
            }
        }
        return replay.report();
    }

    private void replayAll(ResultSet result) throws SQLException {
        String username = null;
        List<Row> history = new ArrayList<>();
        while (result.next()) {
            Row row = new Row(state(result.getString(2)), state(result.getString(3)),
                    StateEvent.valueOf(result.getString(4)), result.getLong(5));
            String owner = result.getString(1);
            if (!owner.equals(username)) {
                replayUser(username, history);
                username = owner;
                history.clear();
            }
            history.add(row);
            rows++;
        }
        replayUser(username, history);
        if (!retired) {
            current.keySet().forEach(user -> mismatch(user, Problem.NO_HISTORY, "the user has no state-change row"));
        }
    }

    /** Replays one user's rows; the user leaves {@link #current}, so the users left have no rows. */
    private void replayUser(String username, List<Row> history) {
        if (username == null) {
            return;
        }
        users++;
        UserState stored = current.remove(username);
        if (stored == null) {
            mismatch(username, Problem.UNKNOWN_USER, history.size() + " rows name a user the store does not have");
            return;
        }
        Row creation = history.get(0);
        if (retired && creation.from() != null) {
            // The rows before this one went with a month retention dropped: replay from where it starts.
            creation = new Row(null, creation.from(), StateEvent.INVITE, creation.id());
            history = new ArrayList<>(history);
            history.add(0, creation);
        }
        if (creation.event() != StateEvent.INVITE || creation.from() != null || creation.to() != UserState.INVITED
                && !retired) {
            mismatch(username, Problem.NO_CREATION_ROW, "the first row (id " + creation.id() + ") is "
                    + creation.event() + " " + creation.from() + " -> " + creation.to() + ", not INVITE -> INVITED");
            return;
        }
        UserState state = creation.to();
        for (Row row : history.subList(1, history.size())) {
            if (row.from() != state) {
                mismatch(username, Problem.BROKEN_SEQUENCE, "row " + row.id() + " starts from "
                        + row.from() + " but the user was " + state);
                return;
            }
            if (row.event() != StateEvent.OVERRIDE
                    && !StateMachine.target(row.from(), row.event()).equals(Optional.ofNullable(row.to()))) {
                mismatch(username, Problem.ILLEGAL_TRANSITION, "row " + row.id() + " records "
                        + row.event() + " from " + row.from() + " to " + row.to() + ", which the state machine does not allow");
                return;
            }
            state = row.to();
        }
        if (state != stored) {
            mismatch(username, Problem.STATE_DIFFERS, "the rows lead to " + state + " but the user is " + stored);
        }
    }

    private void mismatch(String username, Problem problem, String detail) {
        mismatches++;
        if (listed.size() < ReplayReport.LISTED) {
            listed.add(new ReplayMismatch(username, problem, detail));
        }
    }

    private ReplayReport report() {
        return new ReplayReport(mismatches == 0, users, rows, mismatches, List.copyOf(listed));
    }

    private static Map<String, UserState> currentStates(Connection connection) throws SQLException {
        Map<String, UserState> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT username, state FROM user_account");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                states.put(result.getString(1), UserState.valueOf(result.getString(2)));
            }
        }
        return states;
    }

    private static boolean stateRowsRetired(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM audit_tombstone WHERE table_code = 'state' FETCH FIRST 1 ROWS ONLY");
             ResultSet result = select.executeQuery()) {
            return result.next();
        }
    }

    private static UserState state(String name) {
        return name == null ? null : UserState.valueOf(name);
    }

    private record Row(UserState from, UserState to, StateEvent event, long id) {
        Row {
            Objects.requireNonNull(event, "event");
        }
    }
}
