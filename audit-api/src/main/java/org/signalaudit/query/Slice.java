package org.signalaudit.query;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a counted list, for a paginator that shows the number of pages and lets the reader
 * jump to any of them. {@code total} counts every row that matches, not only this page's.
 */
public record Slice<T>(List<T> items, long total) implements Serializable {

    public Slice {
        items = List.copyOf(items);
        if (total < items.size()) {
            throw new IllegalArgumentException("A slice cannot hold more rows than it counts");
        }
    }
}
