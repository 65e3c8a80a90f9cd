package org.signalaudit.account;

import java.io.Serializable;
import java.util.Objects;

/**
 * A search of the user list. {@code name} matches part of the username or the e-mail address,
 * ignoring case; a null filter matches everything. {@code first} is the offset of the first row.
 */
public record UserSearch(String name, UserState state, Role role, UserSort sort, boolean descending, int first,
                         int max) implements Serializable {

    /** No screen shows more rows at once; a bigger request is a mistake or an abuse. */
    public static final int MAX_ROWS = 100;

    public UserSearch {
        Objects.requireNonNull(sort, "sort");
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (max < 1 || max > MAX_ROWS) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_ROWS);
        }
        name = name == null || name.isBlank() ? null : name.trim();
    }
}
