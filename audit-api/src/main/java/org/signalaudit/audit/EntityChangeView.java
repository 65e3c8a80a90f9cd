package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;

import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.Origin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * One row of {@code entity_audit} as the API shows it. {@code changes} maps each attribute to
 * {@code {old, new}} (a collection to {@code {added, removed}}); a bulk statement's row has no
 * {@code entityId} and {@code changes.bulk = {statement, parameters, rowsAffected}}.
 */
@JsonbNillable
@Schema(description = "A row of entity_audit: one change of an audited entity, field by field.")
public record EntityChangeView(
        @Schema(description = "the row's id") long id,
        @Schema(description = "the entity's name", example = "Group") String entityType,
        @Schema(description = "the entity's audit key; null for a bulk statement", nullable = true, example = "ops")
        String entityId,
        @Schema(ref = "ChangeKind") ChangeKind action,
        @Schema(type = SchemaType.OBJECT, description = "each attribute to {old, new}, each collection to {added, removed}",
                example = "{\"description\": {\"old\": \"on call\", \"new\": \"on call, weekends too\"}}")
        JsonObject changes,
        @Schema(description = "who changed it: a username, or system:<component>") String initiatedBy,
        @Schema(description = "the client's address", nullable = true) String ipAddress,
        @Schema(ref = "Origin") Origin origin,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when") Instant occurredAt,
        @Schema(description = "the request that made the change", nullable = true) String requestId) implements Serializable {
}
