package org.signalaudit.signal.control;

import jakarta.enterprise.inject.spi.CDI;

/**
 * The application's {@link SignalDispatcher}, for the EclipseLink listeners, which are not beans.
 * Looked up once and kept (it is a client proxy, valid as long as the application): in Payara
 * {@code CDI.current()} walks the caller's stack to find its bean manager, a cost run 5 of
 * docs/PERFORMANCE.md measured on every callback of every audited change.
 */
final class DispatcherLookup {

    private volatile SignalDispatcher dispatcher;

    SignalDispatcher get() {
        SignalDispatcher found = dispatcher;
        if (found == null) {
            found = CDI.current().select(SignalDispatcher.class).get();
            dispatcher = found;
        }
        return found;
    }
}
