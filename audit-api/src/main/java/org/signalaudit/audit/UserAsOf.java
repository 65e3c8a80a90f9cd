package org.signalaudit.audit;

import java.time.Instant;
import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.account.UserState;

/**
 * A user as it was at {@code asOf}: the state from {@code user_state_audit} (the row
 * {@code stateRowId}), the e-mail, role and groups from {@code entity_audit} (up to the row
 * {@code entityRowId}; null for a user invited before entity auditing existed). There is no
 * version: changes that no audit row records (a failed sign-in count) moved it too.
 */
@JsonbNillable
public record UserAsOf(String username, String email, String role, UserState state, List<String> groups,
                       Instant asOf, long stateRowId, Long entityRowId) {

    public UserAsOf {
        groups = groups == null ? null : List.copyOf(groups);
    }
}
