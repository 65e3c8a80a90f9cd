package org.signalaudit.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.signalaudit.account.InvalidRequestException;

/**
 * Parses query parameters by hand, because JAX-RS answers a parameter it cannot convert with 404
 * (spec 3.2): a bad {@code limit} or date is the client's mistake and must be a 400.
 */
final class QueryParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    static final List<String> LOGIN_EVENTS = List.of("LOGGED_IN", "LOGGED_OUT", "LOGIN_FAILED");

    private QueryParams() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidRequestException("limit must be an integer from 1 to " + MAX_LIMIT);
    }

    static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("after must be the 'next' value of a previous page");
        }
    }

    /**
     * An ISO-8601 instant within years 1 to 9999: Java parses years up to +999999999, which
     * PostgreSQL cannot bind (a 500 before this check).
     */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.trim());
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new InvalidRequestException(name + " must be an ISO-8601 instant from year 0001 to 9999, such as "
                + "2026-11-21T10:15:30Z");
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Integer status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int status = Integer.parseInt(value.trim());
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidRequestException("status must be an HTTP status code such as 404");
    }

    static String loginEvent(String value) {
        String event = text(value);
        if (event != null && !LOGIN_EVENTS.contains(event)) {
            throw new InvalidRequestException("event must be one of " + LOGIN_EVENTS);
        }
        return event;
    }
}
