package org.signalaudit.configuration;

import java.util.Locale;

/**
 * A setting the application cannot use, refused at start-up: its message is the one line an
 * operator needs, naming the MicroProfile Config property, the environment variable that sets it
 * and the problem, e.g. {@code audit.db.url (AUDIT_DB_URL): unknown JDBC URL scheme ...}. It
 * carries no stack trace of its own: where in the code the setting was refused helps nobody.
 */
public class RejectedSetting extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;

    public RejectedSetting(String property, String problem) {
        super("Configuration refused, the application does not start: " + property + " ("
                + environmentVariable(property) + "): " + problem, null, false, false);
        this.property = property;
    }

    public String property() {
        return property;
    }

    /** MicroProfile Config's mapping: every character that is not a letter or digit becomes '_', upper case. */
    public static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
