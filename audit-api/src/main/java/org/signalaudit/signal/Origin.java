package org.signalaudit.signal;

/** Where a change came from: the REST API, the admin screens, or the system itself. */
public enum Origin {
    HTTP_API,
    ADMIN_UI,
    SYSTEM
}
