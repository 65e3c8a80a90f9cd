package org.signalaudit.audit.seal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * The rows of one query, read by a thread of their own a few batches ahead of the caller, who works
 * through the batch before meanwhile. A plain loop over a {@link ResultSet} alternates: the
 * database produces a batch while the JVM waits, then the JVM hashes it while the database waits.
 * Read ahead, the two overlap (the verify, docs/PERFORMANCE.md run 28). At most
 * {@value #BATCHES_AHEAD} batches of {@value #BATCH} rows wait, so memory stays bounded whatever
 * the number of rows.
 *
 * <p>The statement's connection belongs to the reading thread until {@link #close()} returns.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** One row of the result, as the caller needs it; called on the reading thread only. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static final int BATCH = 2000;
    private static final int BATCHES_AHEAD = 2;
    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean ended;

    /** Starts reading {@code select}'s rows, each made into a {@code T} by {@code mapper}, on a thread of {@code threads}. */
    ReadAhead(ThreadFactory threads, PreparedStatement select, RowMapper<T> mapper) throws SQLException {
        select.setFetchSize(BATCH);
        reader = threads.newThread(() -> read(select, mapper));
        reader.setName("audit-verify-read-ahead");
        reader.start();
    }

    /** The next row, or null after the last; the reading thread's failure, if it had one. */
    @SuppressWarnings("unchecked")
    T next() throws SQLException {
        while (!current.hasNext()) {
            if (ended) {
                return null;
            }
            Object batch = take();
            if (batch == END) {
                ended = true;
                return null;
            }
            if (batch instanceof SQLException failed) {
                ended = true;
                throw new SQLException("Reading the rows failed: " + failed.getMessage(), failed);
            }
            if (batch instanceof RuntimeException failed) {
                ended = true;
                throw new IllegalStateException("Reading the rows failed: " + failed.getMessage(), failed);
            }
            current = ((List<T>) batch).iterator();
        }
        return current.next();
    }

    /** Stops the reading thread, if it is still reading, and waits until it has let go of the connection. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(PreparedStatement select, RowMapper<T> mapper) {
        Object last = END;
        try (ResultSet result = select.executeQuery()) {
            List<T> batch = new ArrayList<>(BATCH);
            while (!closed && result.next()) {
                batch.add(mapper.map(result));
                if (batch.size() == BATCH) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                batches.put(batch);
            }
        } catch (SQLException | RuntimeException e) {
            last = e;
        } catch (InterruptedException e) {
            return; // closed: nobody takes any more
        }
        try {
            batches.put(last);
        } catch (InterruptedException closedMeanwhile) {
            // nobody takes any more
        }
    }

    private Object take() throws SQLException {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the rows", e);
        }
    }
}
