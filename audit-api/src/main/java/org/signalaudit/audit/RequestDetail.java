package org.signalaudit.audit;

import java.util.List;

/** Everything one request did: its trail row and every audit row that carries its request id. */
public record RequestDetail(RequestView request, List<StateChangeView> stateChanges, List<LoginView> logins) {

    public RequestDetail {
        stateChanges = List.copyOf(stateChanges);
        logins = List.copyOf(logins);
    }
}
