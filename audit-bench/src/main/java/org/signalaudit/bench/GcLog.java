package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap as its garbage collector logged it ({@code -Xlog:gc:file=...:time}): every
 * pause says how much heap was in use before it and how much after. Read from the log rather than
 * by polling the process (jcmd starts a JVM per sample), so measuring costs the server nothing.
 */
final class GcLog {

    /** One pause: when (milliseconds since the epoch), and the heap used before and after it, in MiB. */
    record Pause(long atMillis, double before, double after) {
    }

    /** e.g. {@code [2026-11-30T15:10:00.123+0000] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.1ms} */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^\\]]+)\\].* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)[KMG]\\)");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The pauses logged between the two wall-clock instants (milliseconds since the epoch), in order. */
    List<Pause> between(long fromMillis, long toMillis) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            long at = OffsetDateTime.parse(pause.group(1), TIME).toInstant().toEpochMilli();
            if (at >= fromMillis && at <= toMillis) {
                pauses.add(new Pause(at, mib(pause.group(2), pause.group(3)), mib(pause.group(4), pause.group(5))));
            }
        }
        return pauses;
    }

    private static double mib(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
