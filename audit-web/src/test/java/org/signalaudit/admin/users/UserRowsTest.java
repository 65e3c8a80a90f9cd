package org.signalaudit.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.signalaudit.account.Role;
import org.signalaudit.account.UserSearch;
import org.signalaudit.account.UserSort;
import org.signalaudit.account.UserState;

/** The users table's sort and filters, as the browser sends them, become a search. */
class UserRowsTest {

    @Test
    void withoutSortOrFilterTheListIsByUsername() {
        UserSearch search = UserRows.search(40, 20, Map.of(), Map.of());

        assertThat(search).isEqualTo(new UserSearch(null, null, null, UserSort.USERNAME, false, 40, 20));
    }

    @Test
    void theColumnFiltersAndTheSortAreTaken() {
        UserSearch search = UserRows.search(0, 50,
                Map.of("email", SortMeta.builder().field("email").order(SortOrder.DESCENDING).build()),
                Map.of("username", filter("username", " Alice "), "state", filter("state", "LOCKED"),
                        "role", filter("role", "ADMIN")));

        assertThat(search).isEqualTo(new UserSearch("Alice", UserState.LOCKED, Role.ADMIN, UserSort.EMAIL, true, 0, 50));
    }

    @Test
    void valuesThatNameNoStateRoleOrColumnAreIgnored() {
        UserSearch search = UserRows.search(0, 10_000,
                Map.of("passwordHash", SortMeta.builder().field("passwordHash").order(SortOrder.ASCENDING).build()),
                Map.of("state", filter("state", "<script>"), "role", filter("role", "ROOT")));

        assertThat(search).isEqualTo(new UserSearch(null, null, null, UserSort.USERNAME, false, 0, UserSearch.MAX_ROWS));
    }

    private static FilterMeta filter(String field, Object value) {
        return FilterMeta.builder().field(field).filterValue(value).build();
    }
}
