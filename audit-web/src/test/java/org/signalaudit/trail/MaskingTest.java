package org.signalaudit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class MaskingTest {

    private final Masking masking = new Masking(Set.of("password", "token"));

    @Test
    void sensitiveQueryValuesAreMaskedAndEverythingElseKept() {
        assertThat(masking.query("limit=5&token=abc&PASSWORD=x%20y&state=ACTIVE&flag"))
                .isEqualTo("limit=5&token=***&PASSWORD=***&state=ACTIVE&flag");
        assertThat(masking.query("pass%77ord=secret")).isEqualTo("pass%77ord=***");
        assertThat(masking.query(null)).isNull();
    }

    @Test
    void secretsInErrorTextAreMasked() {
        String detail = "Failed: {\"username\":\"bob\",\"password\":\"hunter2\"} token=abc123 at org.Example";

        assertThat(masking.text(detail)).doesNotContain("hunter2", "abc123")
                .contains("\"username\":\"bob\"", "\"password\":\"***", "token=***", "at org.Example");
    }
}
