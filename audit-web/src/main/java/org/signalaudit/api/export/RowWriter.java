package org.signalaudit.api.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes the rows of one audit table, one at a time, in one file format. */
public interface RowWriter extends Closeable {

    void write(Record row) throws IOException;

    /** For the export's row consumer, which cannot throw a checked exception. */
    default void writeUnchecked(Record row) {
        try {
            write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("The export could not be written (did the client go away?)", e);
        }
    }

    /** The formats, named as the {@code format} query parameter names them. */
    enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        JSONL("application/jsonl; charset=UTF-8", "jsonl");

        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC);

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String mediaType() {
            return mediaType;
        }

        public RowWriter open(OutputStream out, Class<? extends Record> rows) throws IOException {
            return this == CSV ? new CsvRows(out, rows) : new JsonLines(out);
        }

        /** {@code audit-state-20260101T000000Z-20260401T000000Z.csv}: what, from when, to when. */
        public String fileName(String table, Instant from, Instant to) {
            return "audit-" + table + "-" + (from == null ? "start" : STAMP.format(from)) + "-"
                    + (to == null ? "now" : STAMP.format(to)) + "." + extension;
        }
    }
}
