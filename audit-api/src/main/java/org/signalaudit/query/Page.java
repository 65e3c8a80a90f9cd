package org.signalaudit.query;

import java.io.Serializable;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.List;

/**
 * One page of a keyset-paginated list: {@code next} is the cursor to pass as {@code after} for
 * the following page, null on the last one.
 */
@JsonbNillable
public record Page<T>(List<T> items, String next) implements Serializable {

    public Page {
        items = List.copyOf(items);
    }
}
