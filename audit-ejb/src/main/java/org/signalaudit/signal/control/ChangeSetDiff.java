package org.signalaudit.signal.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.changesets.ChangeRecord;
import org.eclipse.persistence.sessions.changesets.CollectionChangeRecord;
import org.eclipse.persistence.sessions.changesets.DirectToFieldChangeRecord;
import org.eclipse.persistence.sessions.changesets.ObjectChangeSet;
import org.eclipse.persistence.sessions.changesets.ObjectReferenceChangeRecord;
import org.signalaudit.signal.FieldChange;

/**
 * Reads an update's diff from the change set EclipseLink computed for the unit of work: the old
 * and new value of every changed attribute, the members added to and removed from every changed
 * collection. The old values come from the persistence context's own change tracking, so the
 * audit costs no SELECT.
 */
final class ChangeSetDiff {

    private ChangeSetDiff() {
    }

    static Map<String, FieldChange> of(ObjectChangeSet changeSet, AuditedType type, Session session) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        if (changeSet == null) {
            return changes;
        }
        for (ChangeRecord record : changeSet.getChanges()) {
            String attribute = record.getAttribute();
            if (type.isLeftOut(attribute)) {
                continue;
            }
            FieldChange change = change(record, attribute, type, session);
            if (change != null) {
                changes.put(attribute, change);
            }
        }
        return changes;
    }

    private static FieldChange change(ChangeRecord record, String attribute, AuditedType type, Session session) {
        if (record instanceof CollectionChangeRecord collection) {
            var members = new FieldChange.Members(keys(collection.getAddObjectList().keySet(), session),
                    keys(collection.getRemoveObjectList().keySet(), session));
            return members.isEmpty() ? null : members;
        }
        if (record instanceof ObjectReferenceChangeRecord reference) {
            String before = reference.getOldValue() == null ? null : AuditedType.keyOfAny(reference.getOldValue(), session);
            String after = key(reference.getNewValue(), session);
            return Objects.equals(before, after) ? null : new FieldChange.Value(before, after);
        }
        if (record instanceof DirectToFieldChangeRecord direct) {
            if (Objects.equals(direct.getOldValue(), direct.getNewValue())) {
                return null;
            }
            return new FieldChange.Value(type.shown(attribute, direct.getOldValue()),
                    type.shown(attribute, direct.getNewValue()));
        }
        // Aggregates and other mappings: the fact of the change, never a value we cannot render safely.
        return new FieldChange.Value(FieldChange.MASKED, FieldChange.MASKED);
    }

    private static List<String> keys(Iterable<?> changeSets, Session session) {
        List<String> keys = new ArrayList<>();
        for (Object changeSet : changeSets) {
            keys.add(key((ObjectChangeSet) changeSet, session));
        }
        keys.sort(null);
        return keys;
    }

    /** A related entity's audit key, from the object in the unit of work if there is one, else its id. */
    private static String key(ObjectChangeSet changeSet, Session session) {
        if (changeSet == null) {
            return null;
        }
        if (changeSet instanceof org.eclipse.persistence.internal.sessions.ObjectChangeSet internal
                && internal.getUnitOfWorkClone() != null) {
            return AuditedType.keyOfAny(internal.getUnitOfWorkClone(), session);
        }
        return String.valueOf(changeSet.getId());
    }
}
