package org.signalaudit.signal;

import java.util.List;

/**
 * How one attribute of an entity changed: a {@link Value} for a plain attribute, {@link Members}
 * for a collection (a many-to-many). Values are plain JSON-like data (String, Number, Boolean or
 * null): enums and dates arrive as their text, related entities as their audit key.
 */
public sealed interface FieldChange {

    /** What a masked value reads as, in the signals and in the audit rows. */
    String MASKED = "***";

    /** A plain attribute: its value before and after. On a CREATE {@code oldValue} is null, on a DELETE {@code newValue}. */
    record Value(Object oldValue, Object newValue) implements FieldChange {
    }

    /** A collection: the keys of the members that joined and of those that left. */
    record Members(List<String> added, List<String> removed) implements FieldChange {

        public Members {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }
}
