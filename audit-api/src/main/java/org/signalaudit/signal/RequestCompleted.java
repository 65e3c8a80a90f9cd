package org.signalaudit.signal;

import java.time.Instant;

/**
 * One HTTP request, answered (Django's request_finished and got_request_exception in one): fired
 * once per request after its status is decided, whether a resource served it or the container
 * refused it. Secrets are already masked in {@code path} and {@code errorDetail}.
 */
public record RequestCompleted(String requestId, Instant startedAt, long durationMs, String method, String path,
                               String route, int status, String actor, String clientIp, String peerIp,
                               String userAgent, String resource, String model, String category, String errorClass,
                               String errorDetail, Origin origin) {

    public String summary() {
        return method + " " + path + " -> " + status;
    }
}
