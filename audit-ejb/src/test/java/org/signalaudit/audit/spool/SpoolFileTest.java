package org.signalaudit.audit.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool file's format on a real file: whole records survive, a torn or damaged tail is cut, the bound holds. */
class SpoolFileTest {

    private static final long BIG = 1 << 20;

    @TempDir
    Path directory;

    @Test
    void recordsComeBackInOrderAfterAReopen() throws IOException {
        Path path = directory.resolve("spool.bin");
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            for (int i = 0; i < 100; i++) {
                assertThat(file.append(bytes("row " + i))).isTrue();
            }
        }
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            assertThat(file.recovery().records()).isEqualTo(100);
            assertThat(file.recovery().cutBytes()).isZero();
            assertThat(texts(file.read(0, 1000))).containsExactlyElementsOf(
                    IntStream.range(0, 100).mapToObj(i -> "row " + i).toList());
        }
    }

    @Test
    void readsInBatchesFromAnOffset() throws IOException {
        try (SpoolFile file = SpoolFile.open(directory.resolve("spool.bin"), BIG)) {
            for (int i = 0; i < 5; i++) {
                file.append(bytes("row " + i));
            }
            List<SpoolFile.Entry> first = file.read(0, 2);
            assertThat(texts(first)).containsExactly("row 0", "row 1");
            assertThat(texts(file.read(first.get(1).end(), 10))).containsExactly("row 2", "row 3", "row 4");
        }
    }

    @Test
    void aTornLastRecordIsCutAndCopiedAside() throws IOException {
        Path path = directory.resolve("spool.bin");
        long whole;
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            file.append(bytes("kept"));
            file.append(bytes("kept too"));
            whole = file.size();
            file.append(bytes("torn by a kill"));
        }
        truncate(path, Files.size(path) - 3); // the last record's tail never reached the file
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            assertThat(file.recovery().records()).isEqualTo(2);
            assertThat(file.recovery().cutBytes()).isEqualTo(SpoolFile.HEADER + "torn by a kill".length() - 3);
            assertThat(file.recovery().cutCopy()).exists();
            assertThat(Files.size(path)).isEqualTo(whole);
            assertThat(texts(file.read(0, 10))).containsExactly("kept", "kept too");
            file.append(bytes("after"));
            assertThat(texts(file.read(0, 10))).containsExactly("kept", "kept too", "after");
        }
    }

    @Test
    void aTornHeaderIsCut() throws IOException {
        Path path = directory.resolve("spool.bin");
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            file.append(bytes("kept"));
        }
        long whole = Files.size(path);
        Files.write(path, new byte[] {0, 0, 0}, StandardOpenOption.APPEND);
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            assertThat(file.recovery().records()).isEqualTo(1);
            assertThat(Files.size(path)).isEqualTo(whole);
        }
    }

    @Test
    void aChecksumMismatchEndsTheFileThere() throws IOException {
        Path path = directory.resolve("spool.bin");
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            file.append(bytes("first"));
            file.append(bytes("second"));
            file.append(bytes("third"));
        }
        long second = SpoolFile.HEADER + "first".length();
        flipByte(path, second + SpoolFile.HEADER + 2); // a byte of "second"'s payload
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            assertThat(file.recovery().records()).isEqualTo(1);
            assertThat(texts(file.read(0, 10))).containsExactly("first");
            assertThat(Files.readAllBytes(file.recovery().cutCopy())).hasSize(
                    2 * SpoolFile.HEADER + "second".length() + "third".length());
        }
    }

    @Test
    void aDamagedLengthIsNotFollowed() throws IOException {
        Path path = directory.resolve("spool.bin");
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            file.append(bytes("first"));
            file.append(bytes("second"));
        }
        flipByte(path, SpoolFile.HEADER + "first".length() + 3); // the low byte of "second"'s length
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            assertThat(texts(file.read(0, 10))).containsExactly("first");
        }
    }

    @Test
    void aFullSpoolRefusesAtOnceAndTakesRecordsAgainOnceEmptied() throws IOException {
        byte[] row = new byte[100];
        long bound = 3 * (SpoolFile.HEADER + row.length) + 10;
        try (SpoolFile file = SpoolFile.open(directory.resolve("spool.bin"), bound)) {
            assertThat(file.append(row)).isTrue();
            assertThat(file.append(row)).isTrue();
            assertThat(file.append(row)).isTrue();
            assertThat(file.append(row)).as("past the bound").isFalse();
            assertThat(file.size()).isLessThanOrEqualTo(bound);
            assertThat(file.truncateIfEndsAt(file.size())).isTrue();
            assertThat(file.size()).isZero();
            assertThat(file.append(row)).isTrue();
        }
    }

    @Test
    void itIsNotEmptiedWhileRecordsCameAfterTheReplayedOnes() throws IOException {
        try (SpoolFile file = SpoolFile.open(directory.resolve("spool.bin"), BIG)) {
            file.append(bytes("replayed"));
            long replayed = file.size();
            file.append(bytes("came meanwhile"));
            assertThat(file.truncateIfEndsAt(replayed)).isFalse();
            assertThat(texts(file.read(replayed, 10))).containsExactly("came meanwhile");
        }
    }

    @Test
    void oneProcessPerFile() throws IOException {
        Path path = directory.resolve("spool.bin");
        try (SpoolFile file = SpoolFile.open(path, BIG)) {
            // Within one JVM the channel lock shows as OverlappingFileLockException; across processes as null.
            assertThatThrownBy(() -> SpoolFile.open(path, BIG)).isInstanceOfAny(IOException.class,
                    OverlappingFileLockException.class);
        }
    }

    @Test
    void concurrentAppendsAreAllKeptWhole() throws Exception {
        Path path = directory.resolve("spool.bin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SpoolFile file = SpoolFile.open(path, BIG * 8)) {
            List<Future<Boolean>> appends = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = "row " + i;
                appends.add(pool.submit(() -> file.append(bytes(text))));
            }
            for (Future<Boolean> append : appends) {
                assertThat(append.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        try (SpoolFile file = SpoolFile.open(path, BIG * 8)) {
            assertThat(file.recovery().records()).isEqualTo(400);
            assertThat(texts(file.read(0, 1000))).hasSize(400).doesNotHaveDuplicates();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<SpoolFile.Entry> entries) {
        return entries.stream().map(entry -> new String(entry.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static void truncate(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipByte(Path path, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
            channel.write(one, position);
        }
    }
}
