package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.signalaudit.account.InvalidRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signalaudit.account.UserState;

class QueryParamsTest {

    @Test
    void limitDefaultsAndAcceptsTheRange() {
        assertThat(QueryParams.limit(null)).isEqualTo(QueryParams.DEFAULT_LIMIT);
        assertThat(QueryParams.limit("1")).isEqualTo(1);
        assertThat(QueryParams.limit("200")).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "1.5"})
    void aLimitOutsideTheRangeIsABadRequest(String limit) {
        assertThatThrownBy(() -> QueryParams.limit(limit)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void instantsEnumsAndCursorsAreParsedOrRefused() {
        assertThat(QueryParams.instant("from", "2026-11-21T10:15:30Z")).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(QueryParams.enumValue(UserState.class, "state", "LOCKED")).isEqualTo(UserState.LOCKED);
        assertThat(QueryParams.cursor("42")).isEqualTo(42L);
        assertThatThrownBy(() -> QueryParams.instant("from", "yesterday")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> QueryParams.enumValue(UserState.class, "state", "asleep"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> QueryParams.cursor("x")).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z", "0000-12-31T23:59:59Z"})
    void anInstantOutsideYearsOneToNineThousandNineHundredNinetyNineIsABadRequest(String instant) {
        // PostgreSQL cannot bind such instants: they were 500s.
        assertThatThrownBy(() -> QueryParams.instant("from", instant)).isInstanceOf(InvalidRequestException.class);
        assertThat(QueryParams.instant("to", "9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(QueryParams.instant("to", "0001-01-01T00:00:00Z")).isEqualTo(QueryParams.EARLIEST);
    }
}
