package org.signalaudit.admin.audit;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.signalaudit.query.Slice;
import org.signalaudit.audit.AuditSearch;

/**
 * One tab's rows, a page at a time from the server, newest first. A tab is a fragment under
 * admin/tables plus one of these over the matching {@link AuditSearch} method.
 */
public class AuditRows<V> extends LazyDataModel<V> {

    private static final long serialVersionUID = 1L;

    /** Fetches one counted page with the screen's current filter. */
    @FunctionalInterface
    public interface Source<V> extends Serializable {
        Slice<V> fetch(int first, int max);
    }

    private final Source<V> source;

    public AuditRows(Source<V> source) {
        this.source = source;
    }

    /** The count comes with the page itself (see {@link #load}). */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return 0;
    }

    @Override
    public List<V> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int max = Math.min(pageSize, AuditSearch.MAX_ROWS);
        Slice<V> slice = source.fetch(first, max);
        if (slice.items().isEmpty() && slice.total() > 0) {
            slice = source.fetch(recalculateFirst(first, max, (int) slice.total()), max);
        }
        setRowCount((int) Math.min(slice.total(), Integer.MAX_VALUE));
        return slice.items();
    }
}
