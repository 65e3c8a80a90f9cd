package org.signalaudit.api.problem;

/**
 * An RFC 9457 problem detail, with the request id as an extension member so that a client can
 * quote it and an operator can find the request in the audit trail. Never carries a stack trace.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
