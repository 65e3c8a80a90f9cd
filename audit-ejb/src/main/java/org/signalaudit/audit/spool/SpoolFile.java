package org.signalaudit.audit.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The spool's file: an append-only sequence of records, each {@code [length][CRC32C][payload]}
 * (two big-endian ints, then {@code length} bytes; the checksum covers the length and the
 * payload), appended and forced to disk ({@link FileChannel#force}) before {@link #append} returns.
 * Opening it takes an exclusive lock (one instance per file) and cuts a torn or damaged tail: the
 * record a SIGKILL or a power cut interrupted was never reported kept, so dropping it loses
 * nothing that was promised; the cut bytes are copied aside first, for a look.
 *
 * <p>Bounded: an append that would pass {@code maxBytes} is refused, never waited for. Emptied
 * ({@link #truncateIfEndsAt}) once every record has been written to the database.
 *
 * <p>Appends of concurrent callers share a force (group commit): each waits until the bytes up to
 * its own record are on disk, and one {@code force} covers every record written before it began.
 * Lock order: {@code forcing}, then {@code this}.
 */
final class SpoolFile implements Closeable {

    static final int HEADER = 8;
    /** Far above any row (the longest column is capped at 8000 characters): a larger length is damage. */
    static final int MAX_RECORD = 1 << 20;

    /** One whole record and the offset just past it. */
    record Entry(byte[] payload, long end) {
    }

    /** What opening found: the whole records, and how many bytes of a torn or damaged tail were cut. */
    record Recovery(int records, long cutBytes, Path cutCopy) {
    }

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final long maxBytes;
    private final Object forcing = new Object();
    private final Recovery recovery;
    /** The end of the last whole record: the next one is written here. */
    private long end;
    /** How far the file is known to be on disk. */
    private long forced;

    private SpoolFile(Path path, FileChannel channel, FileLock lock, long maxBytes) throws IOException {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.maxBytes = maxBytes;
        this.recovery = recover();
    }

    /**
     * Opens (or creates) the spool file at {@code path}, cutting a torn tail. Fails if another
     * process holds it: two instances appending to one file would interleave their records.
     */
    static SpoolFile open(Path path, long maxBytes) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException(path + " is held by another process: one instance per spool directory");
            }
            return new SpoolFile(path, channel, lock, maxBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    Recovery recovery() {
        return recovery;
    }

    synchronized long size() {
        return end;
    }

    /**
     * Appends {@code payload} as one record and returns once it is on disk; false, at once, if it
     * would make the file larger than its bound.
     */
    boolean append(byte[] payload) throws IOException {
        if (payload.length > MAX_RECORD) {
            throw new IOException("A spool record of " + payload.length + " bytes; at most " + MAX_RECORD);
        }
        long recordEnd;
        synchronized (this) {
            if (end + HEADER + payload.length > maxBytes) {
                return false;
            }
            ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
            record.putInt(payload.length).putInt(checksum(payload.length, payload)).put(payload).flip();
            long position = end;
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            end = position;
            recordEnd = position;
        }
        forceTo(recordEnd);
        return true;
    }

    private void forceTo(long recordEnd) throws IOException {
        synchronized (forcing) {
            if (forced >= recordEnd) {
                return; // another append's force covered this record
            }
            long target = size();
            channel.force(false);
            forced = target;
        }
    }

    /** The whole records from {@code from} on, at most {@code max} of them. */
    List<Entry> read(long from, int max) throws IOException {
        long limit = size();
        List<Entry> entries = new ArrayList<>();
        long position = from;
        while (entries.size() < max) {
            Entry entry = readAt(position, limit);
            if (entry == null) {
                break;
            }
            entries.add(entry);
            position = entry.end();
        }
        return entries;
    }

    /**
     * Empties the file if nothing was appended past {@code replayedEnd}: every record up to there
     * is in the database. False if more came meanwhile (the next replay goes on from there).
     */
    boolean truncateIfEndsAt(long replayedEnd) throws IOException {
        synchronized (forcing) {
            synchronized (this) {
                if (end != replayedEnd) {
                    return false;
                }
                channel.truncate(0);
                channel.force(true);
                end = 0;
                forced = 0;
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Reads the file from its start; a torn or damaged tail is copied aside and cut. */
    private Recovery recover() throws IOException {
        long size = channel.size();
        long position = 0;
        int records = 0;
        for (Entry entry = readAt(0, size); entry != null; entry = readAt(position, size)) {
            position = entry.end();
            records++;
        }
        Path copy = null;
        if (position < size) {
            copy = path.resolveSibling(path.getFileName() + ".cut-" + System.currentTimeMillis());
            try (FileChannel aside = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                channel.transferTo(position, size - position, aside);
                aside.force(true);
            }
            channel.truncate(position);
            channel.force(true);
        }
        end = position;
        forced = position;
        return new Recovery(records, size - position, copy);
    }

    /** The whole, intact record at {@code position}, or null if there is none before {@code limit}. */
    private Entry readAt(long position, long limit) throws IOException {
        if (limit - position < HEADER) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(header, position);
        int length = header.getInt(0);
        int sum = header.getInt(4);
        if (length < 0 || length > MAX_RECORD || limit - position - HEADER < length) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, position + HEADER);
        if (checksum(length, payload.array()) != sum) {
            return null;
        }
        return new Entry(payload.array(), position + HEADER + length);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("The spool file " + path + " ended under a record it announced");
            }
            at += read;
        }
    }

    static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(length).flip());
        crc.update(payload, 0, payload.length);
        return (int) crc.getValue();
    }
}
