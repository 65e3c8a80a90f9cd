package org.signalaudit.audit.reader;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.audit.AuditFilter;
import org.signalaudit.audit.AuditQuery;
import org.signalaudit.query.Page;
import org.signalaudit.query.Slice;
import org.signalaudit.store.Slices;

/**
 * The reader of one audit table: what a table's reader says is how its queries and the screens'
 * filter narrow it ({@link #filter(AuditQuery)}, {@link #filter(AuditFilter)}); how to page, count
 * and stream is said here, once, for every table. Rows come newest first (by id) in pages and
 * slices, oldest first in exports and histories.
 *
 * @param <E> the table's read-only entity
 * @param <V> the view the outside gets
 * @param <Q> the API's query of the table
 */
public abstract class AuditReader<E, V, Q extends AuditQuery> {

    /**
     * Rows an export reads per query. Exports read in keyset batches, each in a persistence context
     * of its own (the caller runs outside a transaction), so memory holds one batch whatever the
     * number of rows. A single JPA cursor did not: with the shared cache off (persistence.xml)
     * EclipseLink keeps every entity a transaction reads, even read-only ones, until it ends, and a
     * 256 MB server ran out of memory on 360 MB of rows (AuditExportMemoryIT).
     */
    static final int BATCH = 500;

    /** A request writes a handful of rows; this bounds the correlation answer all the same. */
    static final int CORRELATION_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    private final Class<E> entity;

    protected AuditReader(Class<E> entity) {
        this.entity = entity;
    }

    protected abstract V view(E row);

    protected abstract long id(V view);

    /** The API's filters of this table, period included. */
    protected abstract RowFilter<E> filter(Q query);

    /** The screens' filter (who, what, when, request id) as this table understands it. */
    protected abstract RowFilter<E> filter(AuditFilter filter);

    /** Newest first; fetches one row more than the page to know whether another follows. */
    public Page<V> page(Q query) {
        RowFilter<E> before = where -> where.add(query.after() == null ? null
                : where.builder().lessThan(where.row().get("id"), query.after()));
        List<V> rows = select(filter(query).and(before), false).setMaxResults(query.limit() + 1)
                .getResultStream().map(this::view).toList();
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, null);
        }
        List<V> page = rows.subList(0, query.limit());
        return new Page<>(page, Long.toString(id(page.get(page.size() - 1))));
    }

    /** A counted page for a paginator, newest first. */
    public Slice<V> slice(AuditFilter filter, int first, int max) {
        RowFilter<E> narrowed = filter(filter);
        return Slices.of(em, entity, (cb, row) -> criteria(cb, row, narrowed).predicates(),
                (cb, row) -> List.of(cb.desc(row.get("id"))), first, max, this::view);
    }

    /** One row by its id. */
    public Optional<V> byId(long id) {
        return Optional.ofNullable(em.find(entity, id)).map(this::view);
    }

    /** Every row one request wrote, in the order written. */
    public List<V> ofRequest(String requestId) {
        return select(where -> where.equal("requestId", requestId), true).setMaxResults(CORRELATION_LIMIT)
                .getResultStream().map(this::view).toList();
    }

    /** The newest row the filter keeps, if any. */
    public Optional<V> newest(RowFilter<E> filter) {
        return select(filter, false).setMaxResults(1).getResultStream().findFirst().map(this::view);
    }

    /**
     * Every row the query keeps, oldest first, handed over one at a time, read in batches of
     * {@link #BATCH} by id: memory stays flat however many rows there are, provided the caller
     * runs outside a transaction (each batch then lives in a persistence context of its own).
     * {@code limit} and {@code after} are ignored.
     */
    public void each(Q query, Consumer<V> row) {
        each(filter(query), row);
    }

    /** The same for the rows the screens' filter keeps: the audit log's export button. */
    public void each(AuditFilter filter, Consumer<V> row) {
        each(filter(filter), row);
    }

    private void each(RowFilter<E> filter, Consumer<V> row) {
        Long last = null;
        while (true) {
            Long after = last;
            RowFilter<E> next = after == null ? filter
                    : filter.and(where -> where.add(where.builder().greaterThan(where.row().get("id"), after)));
            List<E> batch = select(next, true).setMaxResults(BATCH).getResultList();
            V view = null;
            for (E entry : batch) {
                view = view(entry);
                row.accept(view);
            }
            if (batch.size() < BATCH) {
                return;
            }
            last = id(view);
        }
    }

    private TypedQuery<E> select(RowFilter<E> filter, boolean oldestFirst) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(entity);
        Root<E> row = query.from(entity);
        query.where(criteria(cb, row, filter).predicates().toArray(Predicate[]::new))
                .orderBy(oldestFirst ? cb.asc(row.get("id")) : cb.desc(row.get("id")));
        return em.createQuery(query);
    }

    private static <E> Criteria<E> criteria(CriteriaBuilder cb, Root<E> row, RowFilter<E> filter) {
        var criteria = new Criteria<>(cb, row);
        filter.narrow(criteria);
        return criteria;
    }
}
