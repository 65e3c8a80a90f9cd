package org.signalaudit.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

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
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        String expected = expected(rawType);
        if (name == null || expected == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return (T) parse(rawType, value);
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

    /** What a value of the type must look like, for the refusal; null for a type left to JAX-RS. */
    static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 instant from year 0001 to 9999, such as 2026-11-21T10:15:30Z";
        }
        if (type == Integer.class) {
            return "a whole number";
        }
        if (type == Long.class) {
            return "the 'next' value of a previous page";
        }
        return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : null;
    }

    /** The value, or null if blank; IllegalArgumentException or DateTimeParseException if it is no such value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object parse(Class<?> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (type == Instant.class) {
            return instant(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        return Enum.valueOf((Class<? extends Enum>) type, text);
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
