package org.signalaudit.signal;

/**
 * Where a change came from: the REST API, the admin screens, the operator's command line on the
 * host (audit-cli, no request and no client address), or the system itself.
 */
public enum Origin {
    HTTP_API,
    ADMIN_UI,
    CLI,
    SYSTEM
}
