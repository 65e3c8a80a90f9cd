package org.signalaudit.signal.control;

import java.util.Map;

import org.eclipse.persistence.internal.databaseaccess.DatasourceCall;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.ModifyAllQuery;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * The unit-of-work events the signals need besides the entity callbacks:
 * <ul>
 * <li>{@code postCommitUnitOfWork}: raised only after the JTA transaction committed, so the POST
 * signals go out to the asynchronous receivers now; {@code postReleaseUnitOfWork} drops them after
 * a rollback;</li>
 * <li>a bulk UPDATE or DELETE on an audited entity: rows changed that no callback saw.</li>
 * </ul>
 */
final class SessionSignals extends SessionEventAdapter {

    /** The parameters of the bulk statement being executed on this thread, seen at the JDBC call. */
    private static final ThreadLocal<AbstractRecord> BULK_PARAMETERS = new ThreadLocal<>();

    private final Map<Class<?>, AuditedType> audited;
    private final DispatcherLookup dispatchers;

    SessionSignals(Map<Class<?>, AuditedType> audited, DispatcherLookup dispatchers) {
        this.audited = Map.copyOf(audited);
        this.dispatchers = dispatchers;
    }

    @Override
    public void postCommitUnitOfWork(SessionEvent event) {
        var committed = AfterCommit.take(event.getSession());
        if (!committed.isEmpty()) {
            SignalDispatcher dispatcher = dispatchers.get();
            committed.forEach(dispatcher::fireAsync);
        }
    }

    @Override
    public void postReleaseUnitOfWork(SessionEvent event) {
        AfterCommit.take(event.getSession());
    }

    @Override
    public void preExecuteQuery(SessionEvent event) {
        if (bulkOnAudited(event.getQuery()) != null) {
            BULK_PARAMETERS.remove();
        }
    }

    @Override
    public void postExecuteCall(SessionEvent event) {
        if (event.getCall() instanceof DatasourceCall call && bulkOnAudited(call.getQuery()) != null
                && BULK_PARAMETERS.get() == null) {
            BULK_PARAMETERS.set(call.getQuery().getTranslationRow());
        }
    }

    @Override
    public void postExecuteQuery(SessionEvent event) {
        AuditedType type = bulkOnAudited(event.getQuery());
        if (type == null) {
            return;
        }
        AbstractRecord parameters = BULK_PARAMETERS.get();
        BULK_PARAMETERS.remove();
        // A deferred statement has not run yet (null result); JPA's executeUpdate never defers.
        if (event.getResult() instanceof Integer rows) {
            SignalDispatcher dispatcher = dispatchers.get();
            dispatcher.fire(BulkStatements.describe((ModifyAllQuery) event.getQuery(), type, parameters, rows,
                    dispatcher.initiator(), dispatcher.requestId()));
        }
    }

    private AuditedType bulkOnAudited(DatabaseQuery query) {
        return query instanceof ModifyAllQuery bulk && bulk.getReferenceClass() != null
                ? audited.get(bulk.getReferenceClass()) : null;
    }

}
