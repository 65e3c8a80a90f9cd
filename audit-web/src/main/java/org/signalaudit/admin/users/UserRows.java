package org.signalaudit.admin.users;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.signalaudit.account.Role;
import org.signalaudit.query.Slice;
import org.signalaudit.account.UserDirectory;
import org.signalaudit.account.UserSearch;
import org.signalaudit.account.UserSort;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;

/**
 * The users table's rows, one page at a time from the server: the table's sort and column
 * filters become a {@link UserSearch}. Filter values come from the browser and are only used if
 * they name a real state or role.
 */
public class UserRows extends LazyDataModel<UserView> {

    private static final long serialVersionUID = 1L;

    private final UserDirectory directory;

    public UserRows(UserDirectory directory) {
        this.directory = directory;
    }

    /** The count comes with the page itself (see {@link #load}). */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return 0;
    }

    @Override
    public List<UserView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Slice<UserView> slice = directory.search(search(first, pageSize, sortBy, filterBy));
        if (slice.items().isEmpty() && slice.total() > 0) {
            slice = directory.search(search(recalculateFirst(first, pageSize, (int) slice.total()), pageSize, sortBy,
                    filterBy));
        }
        setRowCount((int) Math.min(slice.total(), Integer.MAX_VALUE));
        return slice.items();
    }

    @Override
    public String getRowKey(UserView user) {
        return user.username();
    }

    @Override
    public UserView getRowData(String rowKey) {
        return getWrappedData().stream().filter(user -> user.username().equals(rowKey)).findFirst().orElse(null);
    }

    static UserSearch search(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        UserSort column = sort == null ? UserSort.USERNAME
                : enumOf(UserSort.class, sort.getField()).orElse(UserSort.USERNAME);
        boolean descending = sort != null && sort.getOrder() == SortOrder.DESCENDING;
        return new UserSearch(text(filterBy, "username"),
                enumOf(UserState.class, text(filterBy, "state")).orElse(null),
                enumOf(Role.class, text(filterBy, "role")).orElse(null),
                column, descending, first, Math.min(pageSize, UserSearch.MAX_ROWS));
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta filter = filterBy.get(field);
        Object value = filter == null ? null : filter.getFilterValue();
        return value == null ? null : value.toString();
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
