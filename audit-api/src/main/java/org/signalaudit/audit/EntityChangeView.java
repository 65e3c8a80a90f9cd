package org.signalaudit.audit;

import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.Origin;

/**
 * One row of {@code entity_audit} as the API shows it. {@code changes} maps each attribute to
 * {@code {old, new}} (a collection to {@code {added, removed}}); a bulk statement's row has no
 * {@code entityId} and {@code changes.bulk = {statement, parameters, rowsAffected}}.
 */
@JsonbNillable
public record EntityChangeView(long id, String entityType, String entityId, ChangeKind action, JsonObject changes,
                               String initiatedBy, String ipAddress, Origin origin, Instant occurredAt,
                               String requestId) {
}
