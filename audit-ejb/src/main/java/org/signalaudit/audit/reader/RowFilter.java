package org.signalaudit.audit.reader;

/**
 * The one filter type of the read side: it narrows a query over one audit table. A reader builds
 * one from the API's query or the screens' filter; the pager applies it to the count, the page and
 * the export's batches alike, so all of them see the same rows.
 */
@FunctionalInterface
public interface RowFilter<E> {

    void narrow(Criteria<E> where);

    default RowFilter<E> and(RowFilter<E> more) {
        return where -> {
            narrow(where);
            more.narrow(where);
        };
    }
}
