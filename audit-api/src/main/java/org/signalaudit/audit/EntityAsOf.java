package org.signalaudit.audit;

import java.time.Instant;

import jakarta.json.JsonObject;

/**
 * An entity's audited attributes at {@code asOf}: each attribute's last value, each collection's
 * members (sorted); masked attributes read {@code "***"} as they do in the rows. {@code upTo} is
 * the last row the answer was rebuilt from.
 */
public record EntityAsOf(String entityType, String entityId, Instant asOf, JsonObject attributes,
                         EntityChangeView upTo) {
}
