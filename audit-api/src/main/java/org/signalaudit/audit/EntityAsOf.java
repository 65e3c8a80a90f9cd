package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * An entity's audited attributes at {@code asOf}: each attribute's last value, each collection's
 * members (sorted); masked attributes read {@code "***"} as they do in the rows. {@code upTo} is
 * the last row the answer was rebuilt from.
 */
@Schema(description = "An audited entity's attributes at a moment, rebuilt from its entity_audit rows.")
public record EntityAsOf(
        @Schema(description = "the entity's name", example = "Group") String entityType,
        @Schema(description = "the entity's audit key", example = "ops") String entityId,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "the moment asked for") Instant asOf,
        @Schema(type = SchemaType.OBJECT, description = "each attribute's value then; masked ones read ***",
                example = "{\"name\": \"ops\", \"description\": \"on call\", \"members\": [\"alice\"]}")
        JsonObject attributes,
        @Schema(description = "the last row the answer was rebuilt from") EntityChangeView upTo) implements Serializable {
}
