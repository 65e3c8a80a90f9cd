package org.signalaudit.audit;

import java.time.Instant;

/** Filters for the request trail; every field is optional. {@code path} matches a prefix. */
public record RequestQuery(String actor, Integer status, Instant from, Instant to, String path, int limit, Long after) {
}
