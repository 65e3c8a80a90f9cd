package org.signalaudit.bench;

import java.util.Locale;

/**
 * A figure's target as the issue states it (docs/PERFORMANCE.md): a bound the report checks
 * ("met" or "missed"), or a sentence where no bound applies. Timings are reported against it,
 * never asserted.
 */
record Target(String text, Double bound, boolean upper, boolean strict) {

    static final Target NONE = new Target("", null, false, false);

    static Target atLeast(double bound) {
        return new Target(">= " + number(bound), bound, false, false);
    }

    static Target atMost(double bound) {
        return new Target("<= " + number(bound), bound, true, false);
    }

    static Target below(double bound) {
        return new Target("< " + number(bound), bound, true, true);
    }

    /** A target no single figure can be checked against, e.g. "independent of the row count". */
    static Target said(String text) {
        return new Target(text, null, false, false);
    }

    /** The target and whether the value meets it, as the report prints it. */
    String judge(double value) {
        if (bound == null) {
            return text;
        }
        if (Double.isNaN(value)) {
            return text + ": not measured";
        }
        boolean met = upper ? (strict ? value < bound : value <= bound) : value >= bound;
        return text + (met ? ": met" : ": **missed**");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
