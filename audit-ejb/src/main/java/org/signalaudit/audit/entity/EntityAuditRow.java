package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.EntityChanged;

/**
 * One {@code entity_audit} row: an audited entity created, changed or deleted, with its diff.
 * {@code entityId} is null for a bulk statement's row.
 */
public record EntityAuditRow(String entityType, String entityId, ChangeKind action, String changes,
                             String initiatedBy, Provenance provenance, OffsetDateTime occurredAt)
        implements AuditRow {

    public EntityAuditRow {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        Objects.requireNonNull(provenance, "provenance");
    }

    public static EntityAuditRow of(EntityChanged change, Provenance provenance) {
        return new EntityAuditRow(change.entityType(), change.entityId(), change.kind(),
                ChangesJson.of(change.changes()), change.initiator(), provenance, AuditRow.now());
    }

    public static EntityAuditRow of(BulkChanged bulk, Provenance provenance) {
        return new EntityAuditRow(bulk.entityType(), null, bulk.kind(), ChangesJson.of(bulk), bulk.initiator(),
                provenance, AuditRow.now());
    }

    @Override
    public AuditTable table() {
        return AuditTable.ENTITY;
    }

    @Override
    public List<Object> values() {
        return Arrays.asList(entityType, entityId, action, changes, initiatedBy, provenance.ipAddress(),
                provenance.origin(), occurredAt, provenance.requestId());
    }
}
