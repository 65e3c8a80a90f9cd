package org.signalaudit.signal;

/** What happened to an entity: the {@code action} of an {@code entity_audit} row. */
public enum ChangeKind {
    CREATE,
    UPDATE,
    DELETE
}
