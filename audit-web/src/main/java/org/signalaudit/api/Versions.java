package org.signalaudit.api;

import org.signalaudit.query.InvalidRequestException;
import jakarta.ws.rs.core.EntityTag;

/** The user's {@code @Version} as an HTTP entity tag, for ETag and If-Match. */
final class Versions {

    private Versions() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header asks for, or null when the client sent none. */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match must be an ETag returned by this API, such as \"3\"");
        }
    }
}
