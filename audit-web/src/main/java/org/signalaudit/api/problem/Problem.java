package org.signalaudit.api.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, with the request id as an extension member so that a client can
 * quote it and an operator can find the request in the audit trail. Never carries a stack trace.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json): every error of the API. "
        + "Never a stack trace; the request id finds the request in the audit trail.")
public record Problem(
        @Schema(description = "always about:blank: the status says what kind of problem it is", example = "about:blank")
        String type,
        @Schema(description = "the status's reason phrase", example = "Conflict") String title,
        @Schema(description = "the HTTP status", example = "409") int status,
        @Schema(description = "what was wrong, written for the client", example = "LOCK is not allowed from INVITED")
        String detail,
        @Schema(description = "the path of the request", example = "/audit/api/users/carol/transitions") String instance,
        @Schema(description = "the request id (also in the X-Request-Id header)", example = "3f0c2a9e-5b1d-4f7e-9c1a-0d2e8b7c6a54")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
