package org.signalaudit.audit;

import java.io.Serializable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything one request did: its trail row (null if the trail excludes its path) and every audit
 * row that carries its request id.
 */
@Schema(description = "Everything one request did: its trail row and every audit row with its request id.")
public record RequestDetail(
        @Schema(description = "the trail row; null if the trail excludes the path", nullable = true) RequestView request,
        @Schema(description = "its user_state_audit rows") List<StateChangeView> stateChanges,
        @Schema(description = "its entity_audit rows") List<EntityChangeView> entityChanges,
        @Schema(description = "its login_audit rows") List<LoginView> logins) implements Serializable {

    public RequestDetail {
        stateChanges = List.copyOf(stateChanges);
        entityChanges = List.copyOf(entityChanges);
        logins = List.copyOf(logins);
    }
}
