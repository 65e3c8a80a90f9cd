package org.signalaudit.signal.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

import org.signalaudit.signal.FieldChange;

/**
 * Turns attribute values into the plain data the signals carry (String, Number, Boolean or
 * null), so that no receiver ever holds a live entity and every value renders as JSON.
 */
final class Values {

    private Values() {
    }

    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof TemporalAccessor || value instanceof java.util.UUID || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        return value.toString();
    }

    /** A secret's value as the audit may show it: the fact that there is one, never what it is. */
    static Object masked(Object value) {
        return value == null ? null : FieldChange.MASKED;
    }
}
