package org.signalaudit.api;

import org.signalaudit.testing.RawHttp;

/**
 * One request of the hostile corpus and what its answer may be.
 *
 * @param category   the corpus category it is counted and reported under
 * @param label      what it sends, for the failure report
 * @param request    the request, or null when {@code raw} is sent as it is
 * @param raw        bytes sent verbatim (a malformed request line, conflicting framing headers)
 * @param requestId  the well-formed X-Request-Id it carries, to find its trail row; null when it
 *                   sends a hostile one of its own
 * @param outcome    what the answer must be when the application gives it
 * @param status     the exact status required, or 0 for any the outcome allows
 * @param searched   the hostile text a NO_MATCHES search sent, decoded
 * @param container  whether the HTTP layer may answer before the application sees the request
 *                   (see {@link HostileInputIT}); such an answer carries no X-Request-Id
 */
record Probe(String category, String label, RawHttp.Request request, byte[] raw, String requestId, Outcome outcome,
             int status, String searched, boolean container) {

    enum Outcome {
        /** A 4xx problem: a write in the corpus must never succeed. */
        REFUSED,
        /** Any answer but a 5xx; a 4xx must be a problem. */
        ANSWERED,
        /** A search with a hostile value: a 200 with no items, or a 4xx problem. */
        NO_MATCHES,
        /** A path that normalises out of the API: a redirect or a refusal, never a page. */
        NOT_SERVED
    }
}
