package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.Origin;

/**
 * One row of {@code entity_audit}, for reading only. Rows are written by
 * {@link org.signalaudit.audit.control.EntityAuditWriter} at the end of a flush, when the
 * EntityManager is busy flushing and may not be used; nothing ever persists this entity, and the
 * id comes from the table's identity column.
 */
@Entity
@Table(name = "entity_audit")
public class EntityAuditEntry {

    @Id
    private Long id;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    @Enumerated(EnumType.STRING)
    private ChangeKind action;

    /** JSON text; jsonb on PostgreSQL, which the driver reads as its text. */
    private String changes;

    @Column(name = "initiated_by")
    private String initiatedBy;

    @Column(name = "ip_address")
    private String ipAddress;

    @Enumerated(EnumType.STRING)
    private Origin origin;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "request_id")
    private String requestId;

    protected EntityAuditEntry() {
        // for JPA
    }

    public EntityChangeView toView() {
        return new EntityChangeView(id, entityType, entityId, action, ChangesJson.parse(changes), initiatedBy,
                ipAddress, origin, occurredAt.toInstant(), requestId);
    }
}
