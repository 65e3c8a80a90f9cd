package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * The audit log screen's filter, one for every tab; every field is optional.
 * <ul>
 * <li>{@code who}: the person involved: the initiator or the subject of a state change, the
 * initiator or the key of an entity change, the actor of a request, the username of a sign-in;</li>
 * <li>{@code what}: the event of a state change or a sign-in (e.g. {@code OVERRIDE},
 * {@code LOGIN_FAILED}), the action or entity type of an entity change ({@code UPDATE},
 * {@code Group}), or part of a request's summary (e.g. {@code POST}, {@code /users},
 * {@code 409}); ignoring case;</li>
 * <li>{@code from} (inclusive) and {@code to} (exclusive): when;</li>
 * <li>{@code requestId}: every row one request wrote;</li>
 * <li>{@code category}: the requests of one category (READ, WRITE, AUTH, AUDIT_READ); the other
 * tables ignore it.</li>
 * </ul>
 */
public record AuditFilter(String who, String what, Instant from, Instant to, String requestId, String category) implements Serializable {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        who = blankToNull(who);
        what = blankToNull(what);
        requestId = blankToNull(requestId);
        category = blankToNull(category);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
