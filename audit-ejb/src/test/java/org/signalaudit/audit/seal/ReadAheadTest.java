package org.signalaudit.audit.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verify's read-ahead on a real PostgreSQL connection: every row in order across batches, the
 * reading thread's failure in the caller, and a close before the end that leaves the connection to
 * the caller with no thread still reading.
 */
class ReadAheadTest {

    /** More than two batches and a part: the queue fills, and the last batch is short. */
    private static final long ROWS = 2L * ReadAhead.BATCH + 1001;

    private final List<Thread> started = new ArrayList<>();
    private final ThreadFactory threads = task -> {
        Thread thread = new Thread(task);
        started.add(thread);
        return thread;
    };
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(System.getProperty("audit.test.db.url"),
                System.getProperty("audit.test.db.user"), System.getProperty("audit.test.db.password"));
        connection.setAutoCommit(false); // PostgreSQL fetches in batches only inside a transaction
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void everyRowComesInTheQuerysOrder() throws SQLException {
        List<Long> read = new ArrayList<>();
        try (PreparedStatement select = series();
             var rows = new ReadAhead<>(threads, select, row -> row.getLong(1))) {
            for (Long row = rows.next(); row != null; row = rows.next()) {
                read.add(row);
            }
            assertThat(rows.next()).as("after the last row").isNull();
        }
        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, ROWS).boxed().toList());
    }

    @Test
    void theReadingThreadsFailureReachesTheCallerAfterTheRowsBeforeIt() throws SQLException {
        long failing = ReadAhead.BATCH + 10;
        List<Long> read = new ArrayList<>();
        try (PreparedStatement select = series();
             var rows = new ReadAhead<>(threads, select, row -> {
                 if (row.getLong(1) == failing) {
                     throw new SQLException("row " + failing + " cannot be read");
                 }
                 return row.getLong(1);
             })) {
            assertThatThrownBy(() -> {
                for (Long row = rows.next(); row != null; row = rows.next()) {
                    read.add(row);
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("row " + failing + " cannot be read");
        }
        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, ReadAhead.BATCH).boxed().toList());
    }

    @Test
    void aQueryThatFailsIsTheCallersFailure() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT no_such_column FROM generate_series(1, 3)");
             var rows = new ReadAhead<>(threads, select, row -> row.getLong(1))) {
            assertThatThrownBy(rows::next).isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");
        }
    }

    @Test
    void closedBeforeTheEndTheReaderStopsAndTheConnectionIsTheCallers() throws SQLException {
        try (PreparedStatement select = series();
             var rows = new ReadAhead<>(threads, select, row -> row.getLong(1))) {
            assertThat(rows.next()).isEqualTo(1L);
        }
        assertThat(started).hasSize(1);
        assertThat(started.get(0).isAlive()).as("the reading thread after close()").isFalse();
        try (var again = connection.prepareStatement("SELECT 42"); var result = again.executeQuery()) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }

    private PreparedStatement series() throws SQLException {
        return connection.prepareStatement("SELECT g FROM generate_series(1, " + ROWS + ") AS g ORDER BY g");
    }
}
