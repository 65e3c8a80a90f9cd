package org.signalaudit.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * How many audit rows were written per day (UTC), one series per audit table, oldest day first:
 * the dashboard's chart. A new audit table adds a series, not a field.
 */
public record Activity(List<LocalDate> days, List<Series> series) implements Serializable {

    public Activity {
        days = List.copyOf(days);
        series = List.copyOf(series);
    }

    /** One audit table's counts, in the order of {@link #days()}. */
    public record Series(String name, List<Long> counts) implements Serializable {

        public Series {
            counts = List.copyOf(counts);
        }
    }
}
