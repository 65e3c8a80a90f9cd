package org.signalaudit.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Parses an RFC 7617 {@code Authorization: Basic} header; anything malformed is no credential. */
final class BasicCredentials {

    private static final String SCHEME = "basic ";

    private BasicCredentials() {
    }

    static Optional<UsernamePasswordCredential> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        // RFC 7617: a user-id holds no control character; such a name cannot be stored in an audit row.
        if (colon <= 0 || decoded.substring(0, colon).chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
