package org.signalaudit.signal.control;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.persistence.sessions.Session;

/**
 * The POST signals of a unit of work, kept on the unit of work itself until EclipseLink reports
 * that its transaction committed: only then do the asynchronous receivers hear of them, so they
 * never count a change that was rolled back.
 */
final class AfterCommit {

    private static final String PENDING = AfterCommit.class.getName() + ".pending";

    private AfterCommit() {
    }

    static void keep(Session session, Object signal) {
        Session unitOfWork = session.isUnitOfWork() ? session : session.getActiveUnitOfWork();
        if (unitOfWork == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> pending = (List<Object>) unitOfWork.getProperty(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            unitOfWork.setProperty(PENDING, pending);
        }
        pending.add(signal);
    }

    /** The kept signals, forgotten by the unit of work from now on. */
    static List<Object> take(Session unitOfWork) {
        @SuppressWarnings("unchecked")
        List<Object> pending = (List<Object>) unitOfWork.getProperty(PENDING);
        if (pending == null) {
            return List.of();
        }
        unitOfWork.removeProperty(PENDING);
        return pending;
    }
}
