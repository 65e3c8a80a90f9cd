package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results as a Markdown table and a CSV, with the machine they were measured on: every figure
 * with its target (the "Performance targets"), and the ratios the targets are stated in.
 */
final class Report {

    record Row(String metric, String condition, double value, String unit, Target target) {
    }

    private final String machine;
    private final Instant started = Instant.now();
    private final List<Row> rows = new ArrayList<>();
    private final List<Row> ratios = new ArrayList<>();

    Report(String machine) {
        this.machine = machine;
    }

    String machine() {
        return machine;
    }

    void add(String metric, String condition, double value, String unit) {
        add(metric, condition, value, unit, Target.NONE);
    }

    void add(String metric, String condition, double value, String unit, Target target) {
        rows.add(new Row(metric, condition, value, unit, target));
        System.out.printf(Locale.ROOT, "%s | %s | %.1f %s | %s%n", metric, condition, value, unit,
                target.judge(value));
    }

    /** A ratio of two figures already reported (two decimals in the report). */
    void ratio(String name, double value, Target target) {
        ratios.add(new Row(name, "", value, "", target));
        System.out.printf(Locale.ROOT, "%s | %.2f | %s%n", name, value, target.judge(value));
    }

    double value(String metric, String condition) {
        return rows.stream().filter(r -> r.metric().equals(metric) && r.condition().equals(condition))
                .mapToDouble(Row::value).findFirst().orElse(Double.NaN);
    }

    String markdown() {
        var md = new StringBuilder("Run of " + started + "\n\n```\n" + machine + "\n```\n\n")
                .append("| metric | condition | value | unit | target |\n|---|---|---:|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s |%n", row.metric(), row.condition(),
                    row.value(), row.unit(), row.target().judge(row.value())));
        }
        md.append("\n| ratio | value | target |\n|---|---:|---|\n");
        for (Row ratio : ratios) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", ratio.metric(), ratio.value(),
                    ratio.target().judge(ratio.value())));
        }
        return md.toString();
    }

    List<String> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path md = directory.resolve("results.md");
        Path csv = directory.resolve("results.csv");
        Files.writeString(md, markdown());
        var lines = new StringBuilder("metric,condition,value,unit,target\n");
        for (Row row : rows) {
            lines.append(csvLine(row));
        }
        for (Row ratio : ratios) {
            lines.append(csvLine(ratio));
        }
        Files.writeString(csv, lines);
        return List.of(md.toString(), csv.toString());
    }

    private static String csvLine(Row row) {
        return String.format(Locale.ROOT, "\"%s\",\"%s\",%.3f,%s,\"%s\"%n", row.metric(), row.condition(), row.value(),
                row.unit(), row.target().judge(row.value()));
    }
}
