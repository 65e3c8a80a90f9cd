package org.signalaudit.audit.reader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.store.Slices;

/**
 * The predicates of one query over one audit table. Every method takes an optional value: null
 * adds nothing, so a reader states each filter once whatever the caller left out.
 */
public final class Criteria<E> {

    private final CriteriaBuilder cb;
    private final Root<E> row;
    private final List<Predicate> where = new ArrayList<>();

    Criteria(CriteriaBuilder cb, Root<E> row) {
        this.cb = cb;
        this.row = row;
    }

    public Criteria<E> equal(String attribute, Object value) {
        if (value != null) {
            where.add(cb.equal(row.get(attribute), value));
        }
        return this;
    }

    /** Either attribute equals the value: "who" is the initiator or the subject. */
    public Criteria<E> equalEither(String attribute, String other, Object value) {
        if (value != null) {
            where.add(cb.or(cb.equal(row.get(attribute), value), cb.equal(row.get(other), value)));
        }
        return this;
    }

    public Criteria<E> prefix(String attribute, String value) {
        if (value != null) {
            String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(row.get(attribute), escaped + "%", Slices.LIKE_ESCAPE));
        }
        return this;
    }

    public Criteria<E> containsIgnoringCase(String attribute, String value) {
        if (value != null) {
            where.add(cb.like(cb.lower(row.get(attribute)), Slices.containing(value.toLowerCase(Locale.ROOT)),
                    Slices.LIKE_ESCAPE));
        }
        return this;
    }

    /** {@code from} inclusive, {@code to} exclusive, on the time the row was written. */
    public Criteria<E> period(Instant from, Instant to) {
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(row.get("occurredAt"), OffsetDateTime.ofInstant(from, ZoneOffset.UTC)));
        }
        if (to != null) {
            where.add(cb.lessThan(row.get("occurredAt"), OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
        }
        return this;
    }

    /** Rows written at or before the instant: the state "as of" it. */
    public Criteria<E> notAfter(Instant instant) {
        if (instant != null) {
            where.add(cb.lessThanOrEqualTo(row.get("occurredAt"), OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)));
        }
        return this;
    }

    /** A predicate the helpers above cannot say; null adds nothing. */
    public Criteria<E> add(Predicate predicate) {
        if (predicate != null) {
            where.add(predicate);
        }
        return this;
    }

    public CriteriaBuilder builder() {
        return cb;
    }

    public Root<E> row() {
        return row;
    }

    List<Predicate> predicates() {
        return where;
    }
}
