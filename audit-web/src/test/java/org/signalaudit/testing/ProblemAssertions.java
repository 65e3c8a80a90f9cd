package org.signalaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** What every error answer of the API must look like: RFC 9457 problem+json, never a stack trace. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts an application/problem+json answer with {@code status}; returns its body. */
    public static JsonObject assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        assertNoStackTrace(response);
        JsonObject problem = response.json();
        assertThat(problem.keySet()).as("members of %s", response)
                .contains("type", "title", "status", "detail", "instance", "requestId");
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("requestId")).as("requestId of %s", response)
                .isNotBlank()
                .isEqualTo(response.header(Api.REQUEST_ID).orElse(null));
        return problem;
    }

    public static void assertNoStackTrace(Api.Response response) {
        assertThat(response.body()).as("body of %s", response).doesNotContain("Exception").doesNotContain("at org.");
    }
}
