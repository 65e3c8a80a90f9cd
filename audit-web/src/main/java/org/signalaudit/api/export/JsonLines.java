package org.signalaudit.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * JSON Lines (UTF-8): each row is the JSON object the API shows for it, on a line of its own
 * (JSON escapes the line breaks inside values).
 */
final class JsonLines implements RowWriter {

    /** Thread-safe and costly to build: one for every export. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private final BufferedWriter writer;

    JsonLines(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void write(Record row) throws IOException {
        writer.write(JSONB.toJson(row));
        writer.write('\n');
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
