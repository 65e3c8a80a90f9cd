package org.signalaudit.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.signalaudit.testing.RawHttp.Reply;

/**
 * Judges the corpus' answers and keeps every failure, grouped by category, so one run reports
 * all of them at once. Thread-safe: the probes run in parallel.
 */
final class Verdicts {

    /** The shape in which the application keeps a client's request id, or makes its own. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final List<String> TRACE_MARKS = List.of("Exception", "at org.", "\tat ", "at java.");
    private static final int SHOWN_PER_CATEGORY = 25;

    private final Map<String, AtomicInteger> sent = new ConcurrentSkipListMap<>();
    private final Map<String, Map<Integer, AtomicInteger>> byHttpLayer = new ConcurrentSkipListMap<>();
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();

    void judge(Probe probe, Reply reply) {
        sent.computeIfAbsent(probe.category(), c -> new AtomicInteger()).incrementAndGet();
        var problems = new ArrayList<String>();
        if (reply.status() < 0) {
            problems.add("no answer");
        } else if (reply.header("X-Request-Id") == null) {
            byHttpLayer.computeIfAbsent(probe.category(), c -> new ConcurrentSkipListMap<>())
                    .computeIfAbsent(reply.status(), c -> new AtomicInteger()).incrementAndGet();
            httpLayer(probe, reply, problems);
        } else {
            application(probe, reply, problems);
        }
        problems.forEach(problem -> fail(probe.category(), problem + ": " + probe.label() + " -> " + reply));
    }

    void fail(String category, String failure) {
        failures.computeIfAbsent(category, c -> new CopyOnWriteArrayList<>()).add(failure);
    }

    /** Answered before the application: allowed only where the corpus expects it, never a 5xx or a trace. */
    private static void httpLayer(Probe probe, Reply reply, List<String> problems) {
        if (!probe.container()) {
            problems.add("answered by the HTTP layer, not the application (no X-Request-Id)");
        }
        // 505: a protocol version Grizzly does not speak. 501: a path that left the context root
        // (/audit/api/groups/%2e%2e/%2e%2e/%2e%2e/etc/passwd is /etc/passwd), answered by the
        // server's default web module, which knows no PATCH. No application code exists there.
        boolean unsupportedVersion = reply.status() == 505 && probe.category().equals("malformed HTTP");
        boolean outsideTheApplication = reply.status() == 501 && probe.category().equals("path traversal");
        if (reply.status() >= 500 && !unsupportedVersion && !outsideTheApplication) {
            problems.add("5xx");
        }
        if (probe.outcome() == Probe.Outcome.NOT_SERVED && reply.status() < 300) {
            problems.add("a path outside the API was served");
        }
        traces(reply, problems);
    }

    private static void application(Probe probe, Reply reply, List<String> problems) {
        String id = reply.header("X-Request-Id");
        if (!REQUEST_ID.matcher(id).matches()) {
            problems.add("X-Request-Id answered in a shape the API never keeps");
        }
        if (probe.requestId() != null && !probe.requestId().equals(id)) {
            problems.add("the client's well-formed request id was not kept");
        }
        if (reply.status() >= 500) {
            problems.add("5xx");
        }
        if (reply.status() >= 400) {
            traces(reply, problems); // a 200 of the request trail lists error classes by design
            problemJson(reply, id, problems);
        }
        if (probe.status() != 0 && reply.status() != probe.status()) {
            problems.add("status " + reply.status() + " instead of " + probe.status());
        }
        switch (probe.outcome()) {
            case REFUSED -> {
                if (reply.status() < 400) {
                    problems.add("a write the corpus sends was not refused");
                }
            }
            case NO_MATCHES -> {
                if (reply.status() == 200 && !literalMatches(reply, probe.searched())) {
                    problems.add("a hostile search value matched rows that do not hold it literally");
                }
            }
            case NOT_SERVED -> {
                if (reply.status() < 300) {
                    problems.add("a path outside the API was served");
                }
            }
            case ANSWERED -> {
                // any status but a 5xx, checked above
            }
        }
    }

    private static void traces(Reply reply, List<String> problems) {
        String body = reply.text();
        TRACE_MARKS.stream().filter(body::contains).findFirst()
                .ifPresent(mark -> problems.add("stack trace text (" + mark.trim() + ") in the body"));
    }

    private static void problemJson(Reply reply, String id, List<String> problems) {
        String type = reply.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            problems.add("a " + reply.status() + " that is not application/problem+json");
            return;
        }
        JsonObject problem;
        try (var reader = Json.createReader(new StringReader(reply.text()))) {
            problem = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            problems.add("a problem+json body that is not a JSON object");
            return;
        }
        if (!(problem.get("status") instanceof JsonNumber status) || status.intValue() != reply.status()) {
            problems.add("problem.status is not the HTTP status");
        }
        if (!(problem.get("title") instanceof JsonString title) || title.getString().isBlank()) {
            problems.add("problem without a title");
        }
        if (!(problem.get("requestId") instanceof JsonString requestId) || !requestId.getString().equals(id)) {
            problems.add("problem.requestId is not the X-Request-Id of the answer");
        }
    }

    /**
     * Whether every row found holds the searched text itself (as a value, or as the start of one
     * for a prefix search): the corpus writes such rows itself (a refused sign-in as
     * {@code ' OR 1=1--} is in login_audit under that name), but an injection would widen the
     * search to rows that do not.
     */
    private static boolean literalMatches(Reply reply, String searched) {
        try (var reader = Json.createReader(new StringReader(reply.text()))) {
            return reader.readObject().getJsonArray("items").stream()
                    .allMatch(item -> item.asJsonObject().values().stream()
                            .anyMatch(v -> v instanceof JsonString s && s.getString().startsWith(searched.trim())));
        } catch (RuntimeException notAPage) {
            return false;
        }
    }

    int failureCount() {
        return failures.values().stream().mapToInt(List::size).sum();
    }

    /** The corpus by category: requests sent, failed, and the statuses the HTTP layer gave itself. */
    String table() {
        var table = new StringBuilder(String.format("%-42s %6s %7s  %s%n", "category", "sent", "failed",
                "answered by the HTTP layer (status x count)"));
        int total = 0;
        for (var entry : sent.entrySet()) {
            int count = entry.getValue().get();
            total += count;
            var statuses = new StringBuilder();
            byHttpLayer.getOrDefault(entry.getKey(), Map.of())
                    .forEach((status, n) -> statuses.append(status).append('x').append(n.get()).append(' '));
            table.append(String.format("%-42s %6d %7d  %s%n", entry.getKey(), count,
                    failures.getOrDefault(entry.getKey(), List.of()).size(), statuses.toString().trim()));
        }
        return table.append(String.format("%-42s %6d%n", "total", total)).toString();
    }

    String report() {
        var report = new StringBuilder(failureCount() + " failures\n\n" + table() + "\n");
        new TreeMap<>(failures).forEach((category, list) -> {
            report.append("== ").append(category).append(": ").append(list.size()).append(" failures\n");
            list.stream().sorted().limit(SHOWN_PER_CATEGORY).forEach(f -> report.append("  ").append(f).append('\n'));
            if (list.size() > SHOWN_PER_CATEGORY) {
                report.append("  ... and ").append(list.size() - SHOWN_PER_CATEGORY).append(" more\n");
            }
        });
        return report.toString();
    }
}
