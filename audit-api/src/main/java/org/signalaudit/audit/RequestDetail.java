package org.signalaudit.audit;

import java.util.List;

/**
 * Everything one request did: its trail row (null if the trail excludes its path) and every audit
 * row that carries its request id.
 */
public record RequestDetail(RequestView request, List<StateChangeView> stateChanges,
                            List<EntityChangeView> entityChanges, List<LoginView> logins) {

    public RequestDetail {
        stateChanges = List.copyOf(stateChanges);
        entityChanges = List.copyOf(entityChanges);
        logins = List.copyOf(logins);
    }
}
