package org.signalaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signalaudit.account.StateEvent;

class ParameterConvertersTest {

    private final ParameterConverters converters = new ParameterConverters();

    @Test
    void blankIsAbsentAndValuesAreTrimmed() {
        assertThat(converter(Integer.class, "limit").fromString(" ")).isNull();
        assertThat(converter(Integer.class, "limit").fromString(" 7 ")).isEqualTo(7);
        assertThat(converter(Long.class, "after").fromString("42")).isEqualTo(42L);
        assertThat(converter(StateEvent.class, "event").fromString("LOCK")).isEqualTo(StateEvent.LOCK);
        assertThat(converter(Instant.class, "from").fromString("2026-11-21T10:15:30Z"))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
    }

    @Test
    void aValueThatDoesNotConvertIsRefusedWithWhatItMustBe() {
        // The converter turns these into a 400 (BadRequestException) naming the parameter.
        assertThatThrownBy(() -> ParameterConverters.parse(Integer.class, "ten")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ParameterConverters.parse(Long.class, "x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ParameterConverters.parse(StateEvent.class, "lock"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterConverters.parse(Instant.class, "yesterday"))
                .isInstanceOf(DateTimeParseException.class);
        assertThat(ParameterConverters.expected(StateEvent.class)).startsWith("one of [INVITE, ACTIVATE");
        assertThat(ParameterConverters.expected(Instant.class)).startsWith("an ISO-8601 instant from year 0001 to 9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void anInstantOutsideYearsOneToNineThousandNineHundredNinetyNineIsRefused(String instant) {
        assertThatThrownBy(() -> ParameterConverters.parse(Instant.class, instant))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyNamedParametersOfTheKnownTypesAreConverted() {
        assertThat(converters.getConverter(Integer.class, Integer.class, new Annotation[0])).isNull();
        assertThat(converters.getConverter(String.class, String.class, new Annotation[] {named("x")})).isNull();
    }

    private <T> ParamConverter<T> converter(Class<T> type, String name) {
        return converters.getConverter(type, type, new Annotation[] {named(name)});
    }

    private static QueryParam named(String name) {
        return new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        };
    }
}
