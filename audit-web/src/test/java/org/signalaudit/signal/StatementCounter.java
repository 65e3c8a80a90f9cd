package org.signalaudit.signal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Test-only: the SQL statements EclipseLink sends on the counting thread, caught at the JDBC call
 * ({@code preExecuteCall}). Registered on the server session, so every unit of work acquired
 * afterwards reports to it.
 */
public class StatementCounter extends SessionEventAdapter {

    private final Thread counted = Thread.currentThread();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private volatile boolean counting;

    @Override
    public void preExecuteCall(SessionEvent event) {
        if (counting && Thread.currentThread() == counted) {
            statements.add(event.getCall() instanceof DatabaseCall call ? call.getSQLString() : String.valueOf(event.getCall()));
        }
    }

    public void start() {
        statements.clear();
        counting = true;
    }

    public List<String> stop() {
        counting = false;
        return List.copyOf(statements);
    }
}
