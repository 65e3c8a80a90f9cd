package org.signalaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown table and a CSV, with the machine they were measured on. */
final class Report {

    record Row(String metric, String condition, double value, String unit) {
    }

    private final String machine;
    private final Instant started = Instant.now();
    private final List<Row> rows = new ArrayList<>();

    Report(String machine) {
        this.machine = machine;
    }

    String machine() {
        return machine;
    }

    void add(String metric, String condition, double value, String unit) {
        var row = new Row(metric, condition, value, unit);
        rows.add(row);
        System.out.printf(Locale.ROOT, "%s | %s | %.1f %s%n", metric, condition, value, unit);
    }

    String markdown() {
        var md = new StringBuilder("Run of " + started + "\n\n```\n" + machine + "\n```\n\n")
                .append("| metric | condition | value | unit |\n|---|---|---:|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s |%n", row.metric(), row.condition(),
                    row.value(), row.unit()));
        }
        return md.append(ratios()).toString();
    }

    List<String> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path md = directory.resolve("results.md");
        Path csv = directory.resolve("results.csv");
        Files.writeString(md, markdown());
        var lines = new StringBuilder("metric,condition,value,unit\n");
        for (Row row : rows) {
            lines.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%.3f,%s%n", row.metric(), row.condition(),
                    row.value(), row.unit()));
        }
        Files.writeString(csv, lines);
        return List.of(md.toString(), csv.toString());
    }

    /** The figures the targets are stated in: HTTP over pgbench, and auditing on over off. */
    private String ratios() {
        var md = new StringBuilder("\n| ratio | value | target |\n|---|---:|---|\n");
        for (int clients : Benchmark.CLIENTS) {
            String level = clients + " clients";
            double http = value("transitions/s, HTTP, audited", level);
            double pg = value("transitions/s, pgbench, same SQL", level);
            md.append(String.format(Locale.ROOT, "| HTTP / pgbench, %s | %.2f | %s |%n", level, http / pg,
                    clients == 32 ? ">= 0.50" : ""));
        }
        double on = value("transition latency, auditing on", "median");
        double off = value("transition latency, auditing off", "median");
        md.append(String.format(Locale.ROOT, "| median latency, on / off | %.2f | <= 1.15 |%n", on / off));
        double pgOn = value("transition latency, pgbench, auditing on", "median");
        double pgOff = value("transition latency, pgbench, auditing off", "median");
        md.append(String.format(Locale.ROOT, "| median latency, on / off, pgbench (the database's share) | %.2f | |%n",
                pgOn / pgOff));
        md.append(String.format(Locale.ROOT, "| median latency, on - off: HTTP / pgbench | %.1f / %.1f ms | |%n",
                on - off, pgOn - pgOff));
        return md.toString();
    }

    private double value(String metric, String condition) {
        return rows.stream().filter(r -> r.metric().equals(metric) && r.condition().equals(condition))
                .mapToDouble(Row::value).findFirst().orElse(Double.NaN);
    }
}
