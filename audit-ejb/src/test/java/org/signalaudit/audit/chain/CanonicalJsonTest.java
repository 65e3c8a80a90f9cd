package org.signalaudit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysSortedAtEveryDepthWithoutWhitespace() {
        assertThat(CanonicalJson.of("{ \"b\": [ {\"z\":1, \"a\":null} ], \"a\": true }"))
                .isEqualTo("{\"a\":true,\"b\":[{\"a\":null,\"z\":1}]}");
    }

    @Test
    void numbersInPlainDecimal() {
        assertThat(CanonicalJson.of("[1.50, 1E+2, 0.0, -0, 12345678901234567890]"))
                .isEqualTo("[1.5,100,0,0,12345678901234567890]");
    }

    @Test
    void stringsEscapedOneWayWhateverTheInputUsed() {
        assertThat(CanonicalJson.of("[\"\\u0041\\\"\\\\\\n\\u00e9\", \"A\\\"\\\\\\u000a\u00e9\"]"))
                .isEqualTo("[\"A\\\"\\\\\\u000aé\",\"A\\\"\\\\\\u000aé\"]");
    }
}
