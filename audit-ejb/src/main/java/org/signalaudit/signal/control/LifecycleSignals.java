package org.signalaudit.signal.control;

import java.util.Map;

import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.queries.WriteObjectQuery;
import org.eclipse.persistence.sessions.Session;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.ChangePhase;
import org.signalaudit.signal.CollectionChanged;
import org.signalaudit.signal.EntityChanged;
import org.signalaudit.signal.EntityLoaded;
import org.signalaudit.signal.FieldChange;

/**
 * The JPA life-cycle callbacks of one {@code @Audited} entity, turned into signals. EclipseLink
 * dispatches JPA's own {@code @PrePersist}, {@code @PostPersist}, {@code @PreUpdate},
 * {@code @PostUpdate}, {@code @PreRemove}, {@code @PostRemove} and {@code @PostLoad} from exactly
 * these descriptor events; listening here instead of in an {@code @EntityListeners} class is what
 * gives access to the unit of work's change set, hence the diff without a SELECT.
 *
 * <p>Like any JPA callback it never touches the EntityManager: it only fires signals; the
 * receivers that write rows do so with JDBC on the flush's own connection
 * ({@link org.signalaudit.audit.control.AuditWriter}).
 */
final class LifecycleSignals extends DescriptorEventAdapter {

    private final AuditedType type;
    private final DispatcherLookup dispatchers;

    LifecycleSignals(AuditedType type, DispatcherLookup dispatchers) {
        this.type = type;
        this.dispatchers = dispatchers;
    }

    @Override
    public void prePersist(DescriptorEvent event) {
        changed(event, ChangeKind.CREATE, ChangePhase.PRE, type.snapshot(event.getSource(), event.getSession(), true));
    }

    @Override
    public void postInsert(DescriptorEvent event) {
        changed(event, ChangeKind.CREATE, ChangePhase.POST, type.snapshot(event.getSource(), event.getSession(), true));
    }

    /** JPA's {@code @PreUpdate}: only raised for an object that has changes. */
    @Override
    public void preUpdateWithChanges(DescriptorEvent event) {
        changed(event, ChangeKind.UPDATE, ChangePhase.PRE, ChangeSetDiff.of(event.getChangeSet(), type, event.getSession()));
    }

    /** The event's own change set is null here (DESIGN.md, known traps): the write query has it. */
    @Override
    public void postUpdate(DescriptorEvent event) {
        var changeSet = event.getQuery() instanceof WriteObjectQuery write ? write.getObjectChangeSet() : null;
        changed(event, ChangeKind.UPDATE, ChangePhase.POST, ChangeSetDiff.of(changeSet, type, event.getSession()));
    }

    @Override
    public void preRemove(DescriptorEvent event) {
        changed(event, ChangeKind.DELETE, ChangePhase.PRE, type.snapshot(event.getSource(), event.getSession(), false));
    }

    @Override
    public void postDelete(DescriptorEvent event) {
        changed(event, ChangeKind.DELETE, ChangePhase.POST, type.snapshot(event.getSource(), event.getSession(), false));
    }

    /** JPA's {@code @PostLoad} for an object read from the database into the unit of work. */
    @Override
    public void postBuild(DescriptorEvent event) {
        loaded(event);
    }

    @Override
    public void postRefresh(DescriptorEvent event) {
        loaded(event);
    }

    private void loaded(DescriptorEvent event) {
        if (event.getSession().isUnitOfWork()) {
            dispatchers.get().fire(new EntityLoaded(type.name(), type.keyOf(event.getSource(), event.getSession())));
        }
    }

    private void changed(DescriptorEvent event, ChangeKind kind, ChangePhase phase, Map<String, FieldChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Session session = event.getSession();
        SignalDispatcher dispatcher = dispatchers.get();
        String initiator = dispatcher.initiator();
        String requestId = dispatcher.requestId();
        String id = type.keyOf(event.getSource(), session);
        var changed = new EntityChanged(type.name(), id, kind, phase, changes, initiator, requestId);
        dispatcher.fire(changed);
        if (phase == ChangePhase.PRE) {
            return;
        }
        AfterCommit.keep(session, changed);
        changes.forEach((attribute, change) -> {
            if (change instanceof FieldChange.Members members) {
                var collection = new CollectionChanged(type.name(), id, attribute, members.added(), members.removed(),
                        initiator, requestId);
                dispatcher.fire(collection);
                AfterCommit.keep(session, collection);
            }
        });
    }

}
