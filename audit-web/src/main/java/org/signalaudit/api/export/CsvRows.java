package org.signalaudit.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV, UTF-8, one column per field of the row's view, with a header. Apache Commons CSV
 * quotes what needs quoting (commas, quotes, line breaks). A cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would run as a formula in a
 * spreadsheet (CSV injection): it gets a leading apostrophe, as OWASP advises, which spreadsheets
 * show as text; remove one leading apostrophe from such a cell to get the stored value back.
 */
final class CsvRows implements RowWriter {

    private final RecordComponent[] fields;
    private final CSVPrinter printer;

    CsvRows(OutputStream out, Class<? extends Record> rows) throws IOException {
        this.fields = rows.getRecordComponents();
        String[] header = Arrays.stream(fields).map(RecordComponent::getName).toArray(String[]::new);
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    @Override
    public void write(Record row) throws IOException {
        List<String> cells = new ArrayList<>(fields.length);
        for (RecordComponent field : fields) {
            cells.add(neutralised(value(field, row)));
        }
        printer.printRecord(cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String value(RecordComponent field, Record row) {
        try {
            Object value = field.getAccessor().invoke(row);
            return value == null ? null : value.toString();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("The view " + row.getClass().getSimpleName() + " cannot be read", e);
        }
    }
}
