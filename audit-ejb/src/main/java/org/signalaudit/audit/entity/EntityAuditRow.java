package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.signalaudit.audit.chain.ChainedTable;
import org.signalaudit.audit.chain.RowDigest;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.EntityChanged;

/**
 * One {@code entity_audit} row on its way to the table: collected while the JPA callbacks run,
 * written when the flush is over. {@code entityId} is null for a bulk statement's row.
 */
public record EntityAuditRow(String entityType, String entityId, ChangeKind action, String changes,
                             String initiatedBy, Provenance provenance, OffsetDateTime occurredAt) {

    public EntityAuditRow {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        Objects.requireNonNull(provenance, "provenance");
    }

    public static EntityAuditRow of(EntityChanged change, Provenance provenance) {
        return new EntityAuditRow(change.entityType(), change.entityId(), change.kind(),
                ChangesJson.of(change.changes()), change.initiator(), provenance, now());
    }

    public static EntityAuditRow of(BulkChanged bulk, Provenance provenance) {
        return new EntityAuditRow(bulk.entityType(), null, bulk.kind(), ChangesJson.of(bulk), bulk.initiator(),
                provenance, now());
    }

    /** The values the entity chain covers, in {@link ChainedTable#ENTITY}'s order. */
    public List<Object> chainedValues() {
        return Arrays.asList(entityType, entityId, action, changes, initiatedBy, provenance.ipAddress(),
                provenance.origin(), occurredAt, provenance.requestId());
    }

    private static OffsetDateTime now() {
        return RowDigest.storable(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
