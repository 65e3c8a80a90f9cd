package org.signalaudit.api;

import static org.signalaudit.api.CorpusBuilder.basic;
import static org.signalaudit.api.CorpusBuilder.utf8Bytes;
import static org.signalaudit.api.HostileValues.encode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The corpus for everything but bodies: hostile path parameters (injections, unicode, traversal)
 * on every templated route, hostile query parameters on every search, headers (Accept, If-Match,
 * X-Request-Id, X-Forwarded-For, enormous ones), HTTP Basic credentials of unknown users only
 * (no real account may be locked), methods no route has, and malformed HTTP itself.
 */
final class RequestCorpus {

    /** A search and its parameters: exact text filters, enums, and the rest. */
    private record Search(String path, List<String> exact, List<String> enums, List<String> others) {
    }

    private static final List<Search> SEARCHES = List.of(
            new Search("users", List.of(), List.of("state"), List.of("limit", "after")),
            new Search("groups", List.of(), List.of(), List.of("limit", "after")),
            new Search("audit/state-changes", List.of("username", "initiatedBy"), List.of("event"),
                    List.of("from", "to", "limit", "after")),
            new Search("audit/requests", List.of("actor", "path"), List.of(), List.of("status", "from", "to", "limit", "after")),
            new Search("audit/logins", List.of("username"), List.of("event"), List.of("from", "to", "limit", "after")),
            new Search("audit/entity-changes", List.of("type", "id", "initiatedBy", "requestId"), List.of(),
                    List.of("from", "to", "limit", "after")));

    private final CorpusBuilder corpus;
    private final Fixtures fixtures;

    RequestCorpus(CorpusBuilder corpus, Fixtures fixtures) {
        this.corpus = corpus;
        this.fixtures = fixtures;
    }

    void addAll() {
        pathParameters();
        queryParameters();
        exports();
        evidence();
        sealedLog();
        integrity();
        retention();
        headers();
        credentials();
        methods();
        protocol();
    }

    /** Every templated route with a hostile value where its parameter goes; writes carry a body refused anyway. */
    private void pathParameters() {
        List<Consumer<String>> routes = List.of(
                x -> corpus.to(category(x), "GET", "users/" + x).containerMayAnswer().answered(),
                x -> corpus.to(category(x), "POST", "users/" + x + "/transitions").body("{\"event\":\"REACTIVATE\"}")
                        .containerMayAnswer().refused(),
                x -> corpus.to(category(x), "PUT", "users/" + x + "/state").header("If-Match", "\"999999\"")
                        .body("{\"state\":\"INVITED\",\"reason\":\"hostile corpus\"}").containerMayAnswer().refused(),
                x -> corpus.to(category(x), "GET", "audit/requests/" + x).containerMayAnswer().answered(),
                x -> corpus.to(category(x), "GET", "audit/entities/" + x + "/" + x).containerMayAnswer().answered(),
                x -> corpus.to(category(x), "GET", "audit/entities/Group/" + x + "/history").containerMayAnswer()
                        .answered(),
                x -> corpus.to(category(x), "GET", "groups/" + x).containerMayAnswer().answered(),
                x -> corpus.to(category(x), "PATCH", "groups/" + x).body("{\"description\":\"hostile corpus\"}")
                        .containerMayAnswer().refused(),
                x -> corpus.to(category(x), "DELETE", "groups/" + x).containerMayAnswer().refused(),
                x -> corpus.to(category(x), "PUT", "groups/" + x + "/members/" + fixtures.user()).containerMayAnswer()
                        .refused(),
                x -> corpus.to(category(x), "PUT", "groups/" + fixtures.group() + "/members/" + x).containerMayAnswer()
                        .refused(),
                x -> corpus.to(category(x), "DELETE", "groups/" + fixtures.group() + "/members/" + x)
                        .containerMayAnswer().refused());
        var values = new ArrayList<String>(HostileValues.TRAVERSAL);
        for (List<String> kind : List.of(HostileValues.SQL, HostileValues.SCRIPT, HostileValues.UNICODE)) {
            kind.stream().map(HostileValues::encode).forEach(values::add);
        }
        for (String value : values) {
            routes.forEach(route -> route.accept(value));
        }
        // Dot segments as sent: the container maps the normalised path, and so does the sign-in
        // (Basic only for the API); what leaves the API is redirected to the sign-in or refused,
        // never served, and never reaches another route of the API (the fixture group survives).
        for (String page : List.of("admin/", "admin/dashboard.xhtml", "admin/users.xhtml", "admin/override.xhtml",
                "WEB-INF/web.xml", "errors/problem")) {
            corpus.to("path traversal", "GET", "users/../../" + page).containerMayAnswer().notServed();
        }
        corpus.to("path traversal", "POST", "users/../../admin/override.xhtml").body("{}").containerMayAnswer()
                .notServed();
        corpus.to("path traversal", "DELETE", "users/../groups/" + fixtures.group()).refused();
        corpus.to("path traversal", "PUT", "users/./../groups/" + fixtures.group() + "/members/" + fixtures.user())
                .refused();
    }

    private static String category(String pathValue) {
        if (HostileValues.TRAVERSAL.contains(pathValue)) {
            return "path traversal";
        }
        for (String sql : HostileValues.SQL) {
            if (encode(sql).equals(pathValue)) {
                return "SQL injection";
            }
        }
        for (String script : HostileValues.SCRIPT) {
            if (encode(script).equals(pathValue)) {
                return "script injection";
            }
        }
        return "unicode edge cases";
    }

    private void queryParameters() {
        for (Search search : SEARCHES) {
            for (String name : search.exact()) {
                hostileText(search.path(), name, true);
            }
            if (search.path().equals("users") || search.path().equals("groups")) {
                hostileText(search.path(), "after", false); // a name cursor: any text is a position
            }
            for (String name : search.enums()) {
                for (String junk : HostileValues.ENUM_JUNK) {
                    query("invalid enums", search.path(), name, junk).answered();
                }
            }
            for (String name : search.others()) {
                List<String> values = switch (name) {
                    case "limit" -> HostileValues.LIMITS;
                    case "after" -> search.path().startsWith("audit/") ? HostileValues.CURSORS : List.of();
                    case "from", "to" -> HostileValues.INSTANTS;
                    case "status" -> HostileValues.STATUSES;
                    default -> List.of();
                };
                values.forEach(value -> query("hostile query parameters", search.path(), name, value).answered());
            }
            for (String raw : List.of("limit=1&limit=2", "=x", "&&&", "limit", "%00=1", "x%00y=1",
                    encode("\u202e") + "=1", "a=1&".repeat(500) + "b=2", "limit=%", "limit=%zz")) {
                corpus.to("hostile query parameters", "GET", search.path() + "?" + raw).answered();
            }
        }
    }

    /**
     * The export: hostile tables, formats, periods and filters. Every probe filters on a user who
     * does not exist, so that an accepted one streams no more than a header.
     */
    private void exports() {
        String only = "audit/export?table=login&username=" + fixtures.nobody();
        for (String junk : HostileValues.ENUM_JUNK) {
            corpus.to("invalid enums", "GET", "audit/export?username=" + fixtures.nobody() + "&table=" + encode(junk))
                    .answered();
            corpus.to("invalid enums", "GET", only + "&format=" + encode(junk)).answered();
        }
        for (String instant : HostileValues.INSTANTS) {
            corpus.to("hostile query parameters", "GET", only + "&from=" + encode(instant)).answered();
        }
        for (List<String> kind : List.of(HostileValues.SQL, HostileValues.SCRIPT, HostileValues.UNICODE)) {
            String category = kind == HostileValues.SQL ? "SQL injection"
                    : kind == HostileValues.SCRIPT ? "script injection" : "unicode edge cases";
            for (String value : kind) {
                corpus.to(category, "GET", "audit/export?table=state&username=" + fixtures.nobody() + "&initiatedBy="
                        + encode(value)).answered();
            }
        }
        for (String raw : List.of("table=login&table=state", "%00=1", "table=%zz", "table=state&limit=0")) {
            corpus.to("hostile query parameters", "GET", "audit/export?username=" + fixtures.nobody() + "&" + raw)
                    .answered();
        }
    }

    /**
     * The evidence pack: hostile tables and periods (from after to among them) and filters. Every
     * probe filters on a user who does not exist, so that an accepted one packs no row.
     */
    private void evidence() {
        String only = "audit/evidence?table=state&username=" + fixtures.nobody();
        for (String junk : HostileValues.ENUM_JUNK) {
            corpus.to("invalid enums", "GET", "audit/evidence?username=" + fixtures.nobody() + "&table=" + encode(junk))
                    .answered();
        }
        for (String instant : HostileValues.INSTANTS) {
            corpus.to("hostile query parameters", "GET", only + "&from=" + encode(instant)).answered();
        }
        for (String value : HostileValues.SQL) {
            corpus.to("SQL injection", "GET", only + "&initiatedBy=" + encode(value)).answered();
        }
        for (String raw : List.of("table=login&table=state", "%00=1", "table=%zz",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            corpus.to("hostile query parameters", "GET", "audit/evidence?username=" + fixtures.nobody() + "&" + raw)
                    .answered();
        }
    }

    /** The sealed log's checkpoint and proofs, with hostile values where their parameters go. */
    private void sealedLog() {
        for (List<String> kind : List.of(HostileValues.SQL, HostileValues.SCRIPT, HostileValues.UNICODE)) {
            for (String value : kind) {
                String v = encode(value);
                corpus.to("hostile query parameters", "GET", "audit/checkpoint?treeSize=" + v).answered();
                corpus.to("hostile query parameters", "GET", "audit/checkpoint/key?keyId=" + v).answered();
                corpus.to("hostile query parameters", "GET", "audit/proofs/inclusion?table=state&id=" + v).answered();
                corpus.to("hostile query parameters", "GET", "audit/proofs/inclusion?table=" + v + "&id=1").answered();
                corpus.to("hostile query parameters", "GET", "audit/proofs/consistency?from=1&to=" + v).answered();
            }
        }
    }

    /**
     * Retention and legal holds: hostile reasons, user names and ids. A hold's base body asks for a
     * backwards range, so it is refused whatever its text; a hostile reason may run retention (it
     * drops nothing a test wrote: the test months are far in the past and sealed, or held).
     */
    private void retention() {
        String backwards = ",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2020-01-01T00:00:00Z\"}";
        for (List<String> kind : List.of(HostileValues.SQL, HostileValues.SCRIPT, HostileValues.UNICODE)) {
            String category = kind == HostileValues.SQL ? "SQL injection"
                    : kind == HostileValues.SCRIPT ? "script injection" : "unicode edge cases";
            for (String value : kind) {
                String text = CorpusBuilder.json(value);
                corpus.to(category, "POST", "audit/retention/run").body("{\"reason\":" + text + "}").answered();
                corpus.to(category, "POST", "audit/holds").body("{\"username\":" + text + ",\"reason\":" + text
                        + backwards).refused();
                corpus.to(category, "DELETE", "audit/holds/999999999?reason=" + encode(value)).refused();
                corpus.to(category, "GET", "audit/retention/schedule?table=" + encode(value)).answered();
                corpus.to(category, "GET", "audit/holds?username=" + encode(value)).answered();
            }
        }
        for (String value : HostileValues.TRAVERSAL) {
            corpus.to("path traversal", "DELETE", "audit/holds/" + value + "?reason=hostile").containerMayAnswer()
                    .refused();
        }
    }

    /** The integrity checks take no parameter; each run walks every chain, so only a few. */
    private void integrity() {
        for (String check : List.of("audit/verify", "audit/replay-check")) {
            for (String raw : List.of("table=" + encode("' OR 1=1--"), "%00=1",
                    "from=" + encode("+999999999-12-31T23:59:59Z"))) {
                corpus.to("hostile query parameters", "GET", check + "?" + raw).answered();
            }
        }
    }

    private void hostileText(String path, String name, boolean exact) {
        for (List<String> kind : List.of(HostileValues.SQL, HostileValues.SCRIPT, HostileValues.UNICODE)) {
            String category = kind == HostileValues.SQL ? "SQL injection"
                    : kind == HostileValues.SCRIPT ? "script injection" : "unicode edge cases";
            for (String value : kind) {
                var draft = query(category, path, name, value);
                // A blank value (Unicode spaces) is no filter at all, so it may list rows.
                if (exact && !value.isBlank()) {
                    draft.noMatches(value);
                } else {
                    draft.answered();
                }
            }
        }
    }

    private CorpusBuilder.Draft query(String category, String path, String name, String value) {
        return corpus.to(category, "GET", path + "?" + name + "=" + encode(value));
    }

    private void headers() {
        for (String get : List.of("users", "users/" + fixtures.nobody(), "audit/state-changes", "audit/requests",
                "audit/requests/" + fixtures.nobody(), "audit/logins", "audit/entity-changes", "groups",
                "groups/" + fixtures.noGroup(), "audit/verify", "audit/replay-check")) {
            for (String accept : List.of("text/html", ";;;===", "application/json;q=abc", "image/png",
                    "application/xml", "*/*;q=0", "application/" + "x".repeat(6_000))) {
                corpus.to("bad Content-Type and Accept", "GET", get).accept(accept).label("Accept: " + shorten(accept))
                        .answered();
            }
        }
        for (String etag : HostileValues.IF_MATCH) {
            corpus.to("bad If-Match", "POST", "users/" + fixtures.user() + "/transitions").header("If-Match", etag)
                    .body("{\"event\":\"LOCK\"}").label("If-Match: " + etag).refused();
            // Same state: at most a 200 that writes nothing; a 412 or 400 for the hostile tag.
            corpus.to("bad If-Match", "PUT", "users/" + fixtures.user() + "/state").header("If-Match", etag)
                    .body("{\"state\":\"INVITED\",\"reason\":\"hostile corpus\"}").label("If-Match: " + etag).answered();
            corpus.to("bad If-Match", "GET", "users/" + fixtures.user()).header("If-None-Match", etag)
                    .label("If-None-Match: " + etag).answered();
        }
        for (String id : HostileValues.REQUEST_IDS) {
            corpus.to("hostile X-Request-Id and X-Forwarded-For", "GET", "users").header("X-Request-Id", id)
                    .label("X-Request-Id: " + shorten(id)).answered();
            corpus.to("hostile X-Request-Id and X-Forwarded-For", "POST", "groups").header("X-Request-Id", id)
                    .body("{}").label("X-Request-Id: " + shorten(id)).refused();
        }
        for (String forwarded : HostileValues.FORWARDED_FOR) {
            corpus.to("hostile X-Request-Id and X-Forwarded-For", "GET", "users").header("X-Forwarded-For", forwarded)
                    .label("X-Forwarded-For: " + shorten(forwarded)).answered();
            corpus.to("hostile X-Request-Id and X-Forwarded-For", "GET", "users")
                    .header("Forwarded", "for=" + forwarded + ";proto=http").label("Forwarded: " + shorten(forwarded))
                    .answered();
        }
        enormousHeaders();
    }

    /** The HTTP layer refuses headers past its buffer (8 KiB) or count, before the application. */
    private void enormousHeaders() {
        for (String path : List.of("users", "groups", "audit/requests")) {
            big(path, "64 KB header", d -> d.header("X-Big", "a".repeat(64 * 1024)));
            big(path, "64 KB User-Agent", d -> d.header("User-Agent", "u".repeat(64 * 1024)));
            big(path, "64 KB Cookie", d -> d.header("Cookie", "JSESSIONID=" + "c".repeat(64 * 1024)));
            big(path, "9 KB header", d -> d.header("X-Big", "a".repeat(9 * 1024)));
            big(path, "6 KB header, under the limit", d -> d.header("X-Big", "a".repeat(6 * 1024)));
            big(path, "200 headers", d -> repeat(d, 200));
            big(path, "1000 headers", d -> repeat(d, 1000));
            big(path, "raw UTF-8 in User-Agent", d -> d.header("User-Agent", utf8Bytes("caf\u00e9 \ud83d\ude00")));
            big(path, "control characters in User-Agent", d -> d.header("User-Agent", "a\u0001b\u007fc"));
            big(path, "NUL in a header", d -> d.header("X-Nul", "a\u0000b"));
        }
    }

    private void big(String path, String label, Consumer<CorpusBuilder.Draft> headers) {
        var draft = corpus.to("enormous headers", "GET", path).label(label).containerMayAnswer();
        headers.accept(draft);
        draft.answered();
    }

    private static void repeat(CorpusBuilder.Draft draft, int count) {
        for (int i = 0; i < count; i++) {
            draft.header("X-H" + i, "v");
        }
    }

    /** Unknown users only: a wrong password for a real account would count towards its lockout. */
    private void credentials() {
        String nobody = fixtures.nobody();
        List<String> values = List.of("Basic !!!!", basic("no-colon-" + nobody),
                basic(":password"), basic(nobody + ":"), basic(nobody + "\u0000x:password"),
                basic("' OR 1=1--:x"), basic("<script>alert(1)</script>:x"), basic(nobody + ":' OR 1=1--"),
                basic("\u202e" + nobody + ":x"), basic("u".repeat(5_000) + ":x"), "Basic", "Basic  ",
                "basic " + basic(nobody + ":x").substring(6), "Bearer abc.def.ghi", "Digest username=\"" + nobody + "\"",
                "Basic " + "=".repeat(100));
        for (String value : values) {
            corpus.to("hostile Basic credentials", "GET", "users").authorization(value)
                    .label("Authorization: " + shorten(value)).status(401).refused();
        }
        // A write is refused before its body is read. (Few: an unknown user costs a full decoy hash.)
        for (String value : values.subList(0, 3)) {
            corpus.to("hostile Basic credentials", "POST", "groups").authorization(value).body("{}")
                    .label("Authorization: " + shorten(value)).status(401).refused();
        }
        corpus.to("hostile Basic credentials", "GET", "users").authorization("Basic " + "A".repeat(60_000))
                .label("Authorization: 60 KB").containerMayAnswer().refused();
        corpus.to("hostile Basic credentials", "GET", "users").authorization("Basic " + utf8Bytes("\u00e9t\u00e9"))
                .label("Authorization: raw 8-bit bytes").containerMayAnswer().refused();
        // Which of two Authorization headers counts is the server's choice; it must not fail over it.
        corpus.to("hostile Basic credentials", "GET", "users").authorization(basic(nobody + ":x"))
                .header("Authorization", CorpusBuilder.SUPERADMIN_BASIC).label("two Authorization headers").answered();
    }

    private void methods() {
        Map<String, List<String>> unsupported = Map.ofEntries(
                Map.entry("users", List.of("PUT", "DELETE", "PATCH")),
                Map.entry("users/" + fixtures.nobody(), List.of("POST", "DELETE", "PATCH")),
                Map.entry("users/" + fixtures.nobody() + "/transitions", List.of("GET", "PUT")),
                Map.entry("users/" + fixtures.nobody() + "/state", List.of("GET", "POST")),
                Map.entry("invitations/accept", List.of("GET", "PUT")),
                Map.entry("audit/state-changes", List.of("POST", "DELETE")),
                Map.entry("audit/requests", List.of("POST", "PUT")),
                Map.entry("audit/requests/" + fixtures.nobody(), List.of("DELETE", "PATCH")),
                Map.entry("audit/logins", List.of("POST", "DELETE")),
                Map.entry("audit/entity-changes", List.of("POST", "DELETE")),
                Map.entry("audit/verify", List.of("POST", "DELETE")),
                Map.entry("audit/replay-check", List.of("POST", "PUT")),
                Map.entry("groups", List.of("PUT", "DELETE")),
                Map.entry("groups/" + fixtures.noGroup(), List.of("POST", "PUT")),
                Map.entry("groups/" + fixtures.noGroup() + "/members/" + fixtures.nobody(), List.of("GET", "POST")));
        unsupported.forEach((path, methods) -> {
            var all = new ArrayList<>(methods);
            all.addAll(List.of("FOO", "get", "PROPFIND", "M".repeat(100)));
            for (String method : all) {
                corpus.to("unsupported methods", method, path).status(405).refused();
            }
            corpus.to("unsupported methods", "TRACE", path).containerMayAnswer().refused();
        });
    }

    /** Malformed HTTP: answered by the HTTP layer unless the request still parses. */
    private void protocol() {
        String auth = CorpusBuilder.SUPERADMIN_BASIC;
        String api = corpus.root() + "/api/";
        String head = "Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + auth + "\r\n";
        String post = "POST " + api + "groups HTTP/1.1\r\n" + head + "Content-Type: application/json\r\n";
        List<String[]> cases = List.of(
                new String[] {"HTTP/1.2", "GET " + api + "users HTTP/1.2\r\n" + head + "\r\n"},
                new String[] {"XTTP/1.1", "GET " + api + "users XTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"no Host", "GET " + api + "users HTTP/1.1\r\nConnection: close\r\nAuthorization: " + auth
                        + "\r\n\r\n"},
                new String[] {"Content-Length -5", post + "Content-Length: -5\r\n\r\n{}"},
                new String[] {"Content-Length 2^66", post + "Content-Length: 99999999999999999999\r\n\r\n{}"},
                new String[] {"Content-Length abc", post + "Content-Length: abc\r\n\r\n{}"},
                new String[] {"two Content-Lengths", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x"},
                new String[] {"chunked and Content-Length",
                        post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n2\r\n{}\r\n0\r\n\r\n"},
                new String[] {"bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
                new String[] {"Transfer-Encoding gzip", post + "Transfer-Encoding: gzip\r\n\r\n{}"},
                new String[] {"smuggled request", post + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET " + api
                        + "users HTTP/1.1\r\nHost: x\r\n\r\n"},
                new String[] {"10 KB chunk extension", post + "Transfer-Encoding: chunked\r\n\r\n2;" + "x".repeat(10_000)
                        + "\r\n{}\r\n0\r\n\r\n"},
                new String[] {"obsolete line folding", "GET " + api + "users HTTP/1.1\r\n" + head + "X-A: a\r\n  b\r\n\r\n"},
                new String[] {"header without colon", "GET " + api + "users HTTP/1.1\r\n" + head + "NoColon\r\n\r\n"},
                new String[] {"space before colon", "GET " + api + "users HTTP/1.1\r\n" + head + "X-A : b\r\n\r\n"},
                new String[] {"bare LF line ends", ("GET " + api + "users HTTP/1.1\r\n" + head + "\r\n").replace("\r\n", "\n")},
                new String[] {"absolute-form target", "GET http://evil.example" + api + "users HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"raw 8-bit path", "GET " + api + "users/caf\u00e9 HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"overlong UTF-8 path", "GET " + api + "users/\u00c0\u00af HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"raw NUL in path", "GET " + api + "users/a\u0000b HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"raw backslash in path", "GET " + api + "users\\..\\admin HTTP/1.1\r\n" + head + "\r\n"},
                new String[] {"70 KB request line", "GET " + api + "users?q=" + "a".repeat(70_000) + " HTTP/1.1\r\n" + head
                        + "\r\n"});
        for (String[] c : cases) {
            corpus.raw("malformed HTTP", c[0], c[1]);
        }
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "... (" + value.length() + " chars)" : value;
    }
}
