package org.signalaudit.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.signalaudit.api.Probe.Outcome;
import org.signalaudit.testing.Api;
import org.signalaudit.testing.RawHttp;

/**
 * Collects the probes of the corpus: each gets the superadmin's credentials (so the input reaches
 * the business code), a well-formed request id of its own and an Accept header, unless it sets
 * hostile ones itself.
 */
final class CorpusBuilder {

    static final String SUPERADMIN_BASIC = basic(Api.SUPERADMIN + ":" + Api.SUPERADMIN_PASSWORD);

    private final String root;
    private final String runId;
    private final List<Probe> probes = new ArrayList<>();

    /** @param root the raw path of the context root, e.g. {@code /audit} */
    CorpusBuilder(String root, String runId) {
        this.root = root;
        this.runId = runId;
    }

    List<Probe> probes() {
        return List.copyOf(probes);
    }

    /** A request to {@code path} below the API root ({@code users/x?limit=1}), raw as given. */
    Draft to(String category, String method, String path) {
        return new Draft(category, method, root + "/api/" + path);
    }

    /** Bytes sent as they are; the HTTP layer may answer. */
    void raw(String category, String label, String bytes) {
        probes.add(new Probe(category, label, null, bytes.getBytes(StandardCharsets.ISO_8859_1), null,
                Outcome.ANSWERED, 0, null, true));
    }

    String root() {
        return root;
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal; control characters and every surrogate escaped, so the bytes stay UTF-8. */
    static String json(String text) {
        var literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** Text as raw bytes in a header or request line: its UTF-8 bytes, one char per byte. */
    static String utf8Bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** One probe under construction. */
    final class Draft {

        private final String category;
        private final String method;
        private final String target;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private String label;
        private byte[] body;
        private String contentType = "application/json";
        private String authorization = SUPERADMIN_BASIC;
        private String accept = "application/json, application/problem+json";
        private boolean ownRequestId;
        private int status;
        private String searched;
        private boolean container;

        private Draft(String category, String method, String target) {
            this.category = category;
            this.method = method;
            this.target = target;
        }

        Draft label(String label) {
            this.label = label;
            return this;
        }

        Draft body(String json) {
            return bytes(json.getBytes(StandardCharsets.UTF_8));
        }

        Draft bytes(byte[] body) {
            this.body = body;
            return this;
        }

        Draft contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        Draft accept(String accept) {
            this.accept = accept;
            return this;
        }

        Draft anonymous() {
            return authorization(null);
        }

        Draft authorization(String value) {
            this.authorization = value;
            return this;
        }

        Draft header(String name, String value) {
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase(Api.REQUEST_ID)) {
                ownRequestId = true;
            }
            return this;
        }

        Draft status(int status) {
            this.status = status;
            return this;
        }

        /** The HTTP layer may answer it before the application (an oversized header, say). */
        Draft containerMayAnswer() {
            this.container = true;
            return this;
        }

        void refused() {
            add(Outcome.REFUSED);
        }

        void answered() {
            add(Outcome.ANSWERED);
        }

        void notServed() {
            add(Outcome.NOT_SERVED);
        }

        /** A search for {@code value} (as decoded by the server): no row may match it but literally. */
        void noMatches(String value) {
            this.searched = value;
            add(Outcome.NO_MATCHES);
        }

        private void add(Outcome outcome) {
            var all = new ArrayList<Map.Entry<String, String>>();
            if (authorization != null) {
                all.add(Map.entry("Authorization", authorization));
            }
            String requestId = ownRequestId ? null : "hostile-" + runId + "-" + probes.size();
            if (requestId != null) {
                all.add(Map.entry(Api.REQUEST_ID, requestId));
            }
            if (accept != null) {
                all.add(Map.entry("Accept", accept));
            }
            if (body != null && contentType != null) {
                all.add(Map.entry("Content-Type", contentType));
            }
            all.addAll(headers);
            String shown = method + " " + target + (label == null ? "" : " " + label);
            probes.add(new Probe(category, shown, new RawHttp.Request(method, target, all, body), null, requestId,
                    outcome, status, searched, container));
        }
    }
}
