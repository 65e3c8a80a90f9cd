package org.signalaudit.access;

import jakarta.json.spi.JsonProvider;

/**
 * The problem+json body of answers written outside JAX-RS: by the authentication mechanism before
 * JAX-RS and its exception mappers exist for the request, and by the container's error pages
 * ({@code api.problem.ErrorPages}). Same members as {@code api.problem.Problem}.
 */
public final class ProblemJson {

    /** Looked up once, not per call as {@code Json.create...} does (docs/PERFORMANCE.md, run 5). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ProblemJson() {
    }

    public static String of(int status, String title, String detail, String instance, String requestId) {
        var body = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance);
        if (requestId != null) {
            body.add("requestId", requestId);
        }
        return body.build().toString();
    }
}
