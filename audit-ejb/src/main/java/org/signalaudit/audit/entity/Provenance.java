package org.signalaudit.audit.entity;

import java.util.Objects;

import org.signalaudit.signal.Origin;

/** Where a change came from, as every audit row records it. */
public record Provenance(String ipAddress, Origin origin, String requestId) {

    public static final Provenance SYSTEM = new Provenance(null, Origin.SYSTEM, null);

    public Provenance {
        Objects.requireNonNull(origin, "origin");
    }
}
