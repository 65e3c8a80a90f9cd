package org.signalaudit.signal.control;

import java.util.regex.Pattern;

/**
 * The names that say "this holds a secret". A field or a bulk-statement parameter named like this
 * is masked even when nobody annotated it: a forgotten {@code @AuditMasked} must not put a
 * password hash or a token into the audit log (DESIGN.md, rule 4).
 */
final class Secrets {

    private static final Pattern SECRET = Pattern.compile(
            ".*(password|passwd|secret|token|hash|credential|apikey|api_key).*", Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    static boolean isSecretName(String name) {
        return name != null && SECRET.matcher(name).matches();
    }
}
