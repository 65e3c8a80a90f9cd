package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.signalaudit.query.InvalidRequestException;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.group.ChangeGroup;

class JsonShapeTest {

    @Test
    void aWellFormedCommandPasses() {
        assertThatCode(() -> JsonShape.check("{\"username\":\"alice\",\"email\":\"a@example.test\",\"role\":\"USER\"}",
                InviteUser.class)).doesNotThrowAnyException();
        assertThatCode(() -> JsonShape.check("{\"event\":\"LOCK\",\"reason\":null}", RequestTransition.class))
                .doesNotThrowAnyException();
        assertThatCode(() -> JsonShape.check("{\"description\":\"caf\u00e9 \ud83d\ude00 \u202e\u200b\"}", ChangeGroup.class))
                .doesNotThrowAnyException();
        assertThatCode(() -> JsonShape.check("{\"description\":\"q\\\"b\\\\s\\/b\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}",
                ChangeGroup.class)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"event\": | not valid JSON (line 1",
            "{\"event\":\"LOCK\"} trailing | not valid JSON",
            "[\"LOCK\"] | must be a JSON object",
            "\"LOCK\" | must be a JSON object",
            "null | must be a JSON object",
            "{\"event\":\"LOCK\",\"reasn\":\"typo\"} | Unknown field 'reasn'; this request accepts event, reason",
            "{\"event\":\"LOCK\",\"event\":\"UNLOCK\"} | 'event' appears more than once",
            "{\"event\":\"lock\"} | 'event' must be one of [INVITE, ACTIVATE, LOCK, UNLOCK, DEACTIVATE, REACTIVATE, OVERRIDE]",
            "{\"event\":5} | 'event' must be one of",
            "{\"event\":{\"name\":\"LOCK\"}} | 'event' must be one of",
            "{\"event\":\"LOCK\",\"reason\":[\"x\"]} | 'reason' must be a JSON string",
            "{\"event\":\"LOCK\",\"reason\":true} | 'reason' must be a JSON string",
            "{\"event\":\"LOCK\",\"reason\":\"a\\u0000b\"} | 'reason' contains the character U+0000",
            "{\"event\":\"LOCK\",\"reason\":\"a\\ud800b\"} | 'reason' contains an unpaired surrogate",
            "{\"event\":\"LOCK\",\"reason\":\"\\udc00\"} | unpaired surrogate",
            "{\"event\":\"LOCK\",\"reason\":\"\\xa\"} | not valid JSON (line 1, column",
            "{\"event\":\"LOCK\",\"reason\":\"\\u12zz\"} | not valid JSON",
            "{\"event\":\"LOCK\",\"reason\":\"\\u12\"} | not valid JSON",
    })
    void aBodyThatIsNotTheCommandIsRefusedSayingWhy(String body, String message) {
        assertThatThrownBy(() -> JsonShape.check(body, RequestTransition.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":{", "{\"x\":[", "{\"x\":{\"a\":{\"b\":[1,2", "{\"event\":\"LOCK\",\"x\":{\"y\":"})
    void aTruncatedBodyIsRefusedQuicklyInsteadOfSpinning(String body) {
        // Parsson's skipObject never returns on such a body (parsson#23); the check never skips.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> JsonShape.check(body, RequestTransition.class))
                        .isInstanceOf(InvalidRequestException.class));
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserDigsIn() {
        assertThatThrownBy(() -> JsonShape.check("[".repeat(10_000), Object.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("nested deeper than " + JsonShape.MAX_DEPTH);
        assertThatThrownBy(() -> JsonShape.check("{\"event\":\"LOCK\",\"reason\":" + "{\"a\":".repeat(100), RequestTransition.class))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aNulInAFieldNameIsRefusedToo() {
        assertThatThrownBy(() -> JsonShape.check("{\"a\\u0000\":1}", Object.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("A field name contains the character U+0000");
    }
}
