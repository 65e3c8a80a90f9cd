package org.signalaudit.store;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.signalaudit.query.Slice;

/**
 * Counted pages of one entity: the same predicates count the matches and select one page, so the
 * total a paginator shows is the total of what it pages through.
 */
public final class Slices {

    /** The escape character of the patterns {@link #containing} makes. */
    public static final char LIKE_ESCAPE = '\\';

    private Slices() {
    }

    /** The predicates of a filter, built once for the count and once for the page. */
    @FunctionalInterface
    public interface Where<E> {
        List<Predicate> on(CriteriaBuilder cb, Root<E> row);
    }

    /** The order of the page; it must be total (end with a unique column) for stable pages. */
    @FunctionalInterface
    public interface OrderBy<E> {
        List<Order> on(CriteriaBuilder cb, Root<E> row);
    }

    public static <E, V> Slice<V> of(EntityManager em, Class<E> entity, Where<E> where, OrderBy<E> order,
                                     int first, int max, Function<E, V> view) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> counted = count.from(entity);
        count.select(cb.count(counted)).where(where.on(cb, counted).toArray(Predicate[]::new));
        long total = em.createQuery(count).getSingleResult();
        if (first >= total) {
            return new Slice<>(List.of(), total);
        }
        CriteriaQuery<E> select = cb.createQuery(entity);
        Root<E> row = select.from(entity);
        select.where(where.on(cb, row).toArray(Predicate[]::new)).orderBy(order.on(cb, row));
        List<V> items = em.createQuery(select).setFirstResult(first).setMaxResults(max).getResultStream()
                .map(view).toList();
        return new Slice<>(items, total);
    }

    /** A LIKE pattern that matches {@code text} anywhere, with the wildcards in it taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
