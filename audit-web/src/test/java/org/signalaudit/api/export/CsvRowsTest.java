package org.signalaudit.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    record Row(long id, String text, Integer number) {
    }

    @Test
    void cellsThatASpreadsheetWouldRunGetAnApostropheAndEverythingElseRoundTrips() throws IOException {
        List<String> texts = List.of("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", "a, \"b\"\nc", "Zürich 東京 ✓",
                "'already", "");
        var out = new ByteArrayOutputStream();
        try (RowWriter writer = RowWriter.Format.CSV.open(out, Row.class)) {
            for (int i = 0; i < texts.size(); i++) {
                writer.write(new Row(i, texts.get(i), i % 2 == 0 ? null : i));
            }
        }
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(records).extracting(record -> record.get("text")).containsExactly("'=1+1", "'+1", "'-2",
                "'@SUM(A1)", "'\tx", "'\rx", "plain", "a, \"b\"\nc", "Zürich 東京 ✓", "'already", "");
        assertThat(records).extracting(record -> record.get("number")).containsExactly("", "1", "", "3", "", "5", "",
                "7", "", "9", "");
    }

    @Test
    void theFileNameSaysWhatAndWhen() {
        assertThat(RowWriter.Format.JSONL.fileName("login", java.time.Instant.parse("2026-03-31T22:00:00Z"), null))
                .isEqualTo("audit-login-20260331T220000Z-now.jsonl");
    }
}
