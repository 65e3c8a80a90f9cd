package org.signalaudit.audit;

import java.time.Instant;

/** A legal hold as the API and the screen show it; active while {@code releasedAt} is null. */
public record HoldView(long id, String username, Instant from, Instant to, String reason, String placedBy,
                       Instant placedAt, String releasedBy, Instant releasedAt, String releaseReason) {

    public boolean active() {
        return releasedAt == null;
    }
}
