package org.signalaudit.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Converts the typed query and path parameters of the resources (instants, whole numbers, enums).
 * JAX-RS answers a parameter it cannot convert with 404 (spec 3.2); these refuse it with a 400
 * that names the parameter and says what it must be. A blank value is an absent one (null).
 * Ranges are Bean Validation's job, on the parameter beans.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** PostgreSQL binds years 1 to 9999 only; Java parses up to +999999999 (a 500 before this check). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, ParameterConverters::instant,
                    "an ISO-8601 instant from year 0001 to 9999, such as 2026-11-21T10:15:30Z");
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "a whole number");
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "the 'next' value of a previous page");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, value -> Enum.valueOf(type, value),
                    "one of " + Arrays.toString(type.getEnumConstants()));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> parse, String expected) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new BadRequestException(name + " must be " + expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Instant instant(String value) {
        Instant instant = Instant.parse(value);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("out of range");
        }
        return instant;
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }
}
