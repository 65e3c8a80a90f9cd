package org.signalaudit.signal;

/** Names of initiators that are not people. */
public final class Initiators {

    private static final String SYSTEM_PREFIX = "system:";

    private Initiators() {
    }

    /** The initiator of work that no request asked for: {@code system:<component>}. */
    public static String system(String component) {
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("A system initiator names its component");
        }
        return SYSTEM_PREFIX + component;
    }
}
