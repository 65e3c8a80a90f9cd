package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.signalaudit.testing.Accounts;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.ApplicationIT;
import org.signalaudit.testing.Endpoints;
import org.signalaudit.testing.RawHttp;
import org.signalaudit.testing.RawHttp.Reply;

/**
 * The hostile-input corpus (issue 6): some two thousand malformed or hostile requests against
 * every route and verb of the API, built systematically by {@link BodyCorpus} and
 * {@link RequestCorpus}, sent as raw bytes ({@link RawHttp}) from 8 threads, authenticated as the
 * superadmin so that the input reaches the business code. For every answer: no 5xx, every 4xx a
 * problem+json with status, title and request id, no stack trace, and the client's request id
 * kept and its trail row written with the status it got. Across the corpus: no business row,
 * version, state or failed-login count changed, no state or entity audit row written.
 *
 * <p>Some requests never reach the application: Payara's HTTP layer (Grizzly and the container's
 * adapter) answers them itself, before any servlet, filter or error page exists for the request,
 * so their answer cannot be problem+json and no trail row is written; checked on Payara Micro
 * 6.2025.10, neither web.xml error pages nor any application setting reach them. They are: a
 * header section over 8 KiB or with too many headers, control or 8-bit bytes in a header, a path
 * with raw 8-bit, overlong, NUL or backslash bytes ("400 Invalid URI"), a body on GET or DELETE, an
 * unparseable Content-Length, Transfer-Encoding or chunk, TRACE (405), a protocol version it does
 * not speak (505, as RFC 9110 prescribes), a path that normalises to a directory outside the API
 * (a 301 to it) or out of the context root (then the server's default web module answers: 404,
 * 403 for PUT and DELETE, 501 for PATCH), and two that Payara answers with an empty 200 because
 * Grizzly's URI decoder throws and the container's adapter does not map the exception: a '%' not
 * followed by two hex digits (IllegalArgumentException) and a path ending in a raw ".." segment
 * (ArrayIndexOutOfBoundsException in normalizeBytes). Such a probe is marked
 * {@code containerMayAnswer}; for such an answer the test asserts what can be asserted: no 5xx
 * but those two, no stack trace, nothing changed. An answer the application gave (it carries an
 * X-Request-Id) is held to the full rules, whatever the probe.
 */
class HostileInputIT extends ApplicationIT {

    private static final int THREADS = 8;

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothing() throws Exception {
        Fixtures fixtures = fixtures();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        var corpus = new CorpusBuilder(base.getPath().replaceAll("/$", ""), runId);
        var bodies = new BodyCorpus(corpus, fixtures);
        bodies.addAll();
        bodies.enormous();
        new RequestCorpus(corpus, fixtures).addAll();
        List<Probe> probes = corpus.probes();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(1000);
        assertEveryResourceMethodIsProbed(probes);

        String before = db.businessSnapshot();
        String replayBefore = replayMismatches();
        long started = System.nanoTime();
        Map<Probe, Reply> replies = sendAll(probes);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        var verdicts = new Verdicts();
        replies.forEach(verdicts::judge);
        System.out.println("Answered by the HTTP layer, before the application:");
        replies.forEach((probe, reply) -> {
            if (reply.header("X-Request-Id") == null) {
                System.out.printf("  %d  %s  %s%n", reply.status(), probe.category(), shorten(probe.label()));
            }
        });
        String after = db.businessSnapshot();
        if (!after.equals(before)) {
            verdicts.fail("nothing changed", "the business tables or audit counts changed:\nbefore:\n" + before
                    + "after:\n" + after);
        }
        trailed(runId, replies, verdicts);
        intact(verdicts, replayBefore);
        System.out.printf("Hostile corpus: %d requests in %d s%n%s", probes.size(), seconds, verdicts.table());
        if (verdicts.failureCount() > 0) {
            fail(verdicts.report());
        }
    }

    /**
     * Every resource method the WAR declares (read from its classes, so a new one is noticed) gets
     * hostile requests: its verb on a path its template matches.
     */
    private void assertEveryResourceMethodIsProbed(List<Probe> probes) {
        String root = base.getPath().replaceAll("/$", "");
        var counts = new TreeMap<String, Integer>();
        for (String method : Endpoints.resourceMethods()) {
            String[] verbAndPath = method.split(" ", 2);
            Pattern template = templateOf(root, verbAndPath[1]);
            counts.put(method, (int) probes.stream().filter(p -> p.request() != null)
                    .filter(p -> p.request().method().equals(verbAndPath[0]))
                    .filter(p -> template.matcher(p.request().target()).matches()).count());
        }
        System.out.println("Hostile requests per resource method:");
        counts.forEach((method, count) -> System.out.printf("  %5d  %s%n", count, method));
        assertThat(counts).as("hostile requests per resource method").allSatisfy((method, count) ->
                assertThat(count).as(method).isGreaterThanOrEqualTo(10));
    }

    /** A resource path template as a pattern of the raw targets it matches: a parameter is one segment. */
    private static Pattern templateOf(String root, String path) {
        var regex = new StringBuilder(Pattern.quote(root));
        Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(path);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(at, parameter.start()))).append("[^/?]+");
            at = parameter.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(path.substring(at))).append("(\\?.*)?").toString());
    }

    /**
     * The hash chains of the audit tables survived the corpus, and the replay finds nothing it did
     * not find before. (The shared test database also holds users that in-container tests create
     * without the state machine, which the replay reports whatever this test does.)
     */
    private void intact(Verdicts verdicts, String replayBefore) {
        Api.Response verify = superadmin.get("api/audit/verify").send();
        if (verify.status() != 200 || !verify.json().getBoolean("intact")) {
            verdicts.fail("audit chains", "GET /api/audit/verify after the corpus: " + verify);
        }
        String replayAfter = replayMismatches();
        if (!replayAfter.equals(replayBefore)) {
            verdicts.fail("audit chains", "GET /api/audit/replay-check after the corpus found new mismatches:\nbefore: "
                    + replayBefore + "\nafter: " + replayAfter);
        }
    }

    /** The replay's mismatches, one "user: problem" each, in a stable order. */
    private String replayMismatches() {
        Api.Response replay = superadmin.get("api/audit/replay-check").send();
        assertThat(replay.status()).as("%s", replay).isEqualTo(200);
        assertThat(replay.json().getJsonNumber("mismatchCount").longValue()).as("all listed: %s", replay)
                .isLessThanOrEqualTo(replay.json().getJsonArray("mismatches").size());
        return replay.json().getJsonArray("mismatches").getValuesAs(JsonObject.class).stream()
                .map(mismatch -> mismatch.getString("username") + ": " + mismatch.getString("problem"))
                .sorted().toList().toString();
    }

    /** An INVITED user and a group the corpus aims at; created before the snapshot. */
    private Fixtures fixtures() {
        String user = accounts.invite("USER").username();
        String group = Accounts.uniqueName("hostile-group");
        var created = superadmin.post("api/groups").json(Api.json("name", group)).send();
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return new Fixtures(user, group, Accounts.uniqueName("hostile-nobody"), Accounts.uniqueName("hostile-nogroup"));
    }

    private Map<Probe, Reply> sendAll(List<Probe> probes) throws InterruptedException {
        RawHttp http = RawHttp.to(base);
        Map<Probe, Reply> replies = new ConcurrentHashMap<>();
        Map<Probe, Long> millis = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (Probe probe : probes) {
            pool.execute(() -> {
                long start = System.nanoTime();
                replies.put(probe, probe.raw() != null ? http.sendBytes(probe.raw()) : http.send(probe.request()));
                millis.put(probe, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("the corpus finished").isTrue();
        System.out.println("Slowest requests of the corpus:");
        millis.entrySet().stream().sorted(Map.Entry.<Probe, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("  %6d ms  %s%n", e.getValue(), shorten(e.getKey().label())));
        return replies;
    }

    private static String shorten(String label) {
        return label.length() > 150 ? label.substring(0, 150) + "..." : label;
    }

    /**
     * A failed request is still audited: each one the application answered with the client's
     * request id has its one request_audit row, with the status the client got. The trail is
     * written as the request ends, so the last rows may land a moment after the answers.
     */
    private void trailed(String runId, Map<Probe, Reply> replies, Verdicts verdicts) throws InterruptedException {
        Map<String, Reply> expected = new HashMap<>();
        replies.forEach((probe, reply) -> {
            if (probe.requestId() != null && probe.requestId().equals(reply.header("X-Request-Id"))) {
                expected.put(probe.requestId(), reply);
            }
        });
        Map<String, List<Integer>> rows = Map.of();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < deadline; ) {
            rows = trailRows(runId);
            if (rows.keySet().containsAll(expected.keySet())) {
                break;
            }
            Thread.sleep(250);
        }
        Map<String, List<Integer>> found = rows;
        expected.forEach((id, reply) -> {
            List<Integer> statuses = found.getOrDefault(id, List.of());
            if (statuses.size() != 1 || statuses.get(0) != reply.status()) {
                verdicts.fail("request trail", "request " + id + " answered " + reply.status()
                        + " has request_audit statuses " + statuses);
            }
        });
    }

    private Map<String, List<Integer>> trailRows(String runId) {
        Map<String, List<Integer>> rows = new HashMap<>();
        db.select("SELECT request_id, status FROM request_audit WHERE request_id LIKE ?", "hostile-" + runId + "-%")
                .forEach(row -> rows.computeIfAbsent((String) row.get("request_id"), id -> new ArrayList<>())
                        .add(((Number) row.get("status")).intValue()));
        return rows;
    }
}
