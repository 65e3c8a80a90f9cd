package org.signalaudit.testing;

import java.time.Duration;
import java.util.Set;

/**
 * One request of a load run and what became of it: the request id it carried, what it asked,
 * when, and its answer (status) or the lack of one. {@code ifCommitted} is the audit rows the
 * request writes if its change commits: a 2xx must have written exactly those, anything else
 * none, and a request without an answer either those or none.
 */
public record Sent(String requestId, Kind kind, String target, long startedNanos, long endedNanos, int status,
                   Failure failure, String contentType, String retryAfter, String echoedRequestId,
                   Effect ifCommitted) {

    /** What the client can tell about a request that got no answer. */
    public enum Failure {
        /** It got an answer. */
        NONE,
        /** The connection was refused: the request never reached a server, nothing can have happened. */
        REFUSED,
        /** Sent, then the connection broke or the client gave up: in doubt, it may have committed. */
        NO_ANSWER
    }

    /** The kinds of request in the mix, with the statuses each may get while the database is up. */
    public enum Kind {
        READ_USER(200),
        LIST(200),
        TRANSITION(200, 409, 412),
        OVERRIDE(200, 409, 412),
        GROUP_CREATE(201),
        GROUP_READ(200, 404),
        GROUP_DESCRIBE(200),
        MEMBER_ADD(200, 409),
        MEMBER_REMOVE(200, 409),
        BAD_JSON(400),
        UNKNOWN_USER(404),
        INVALID_EVENT(400),
        FORBIDDEN(403);

        private final Set<Integer> statuses;

        Kind(Integer... statuses) {
            this.statuses = Set.of(statuses);
        }

        public boolean expects(int status) {
            return statuses.contains(status);
        }
    }

    public boolean answered() {
        return failure == Failure.NONE;
    }

    public boolean succeeded() {
        return answered() && status / 100 == 2;
    }

    public boolean inDoubt() {
        return failure == Failure.NO_ANSWER;
    }

    public Duration latency() {
        return Duration.ofNanos(endedNanos - startedNanos);
    }

    /** Whether the request was under way at any moment between {@code fromNanos} and {@code toNanos}. */
    public boolean overlaps(long fromNanos, long toNanos) {
        return startedNanos <= toNanos && endedNanos >= fromNanos;
    }

    /** Whether it was sent and answered entirely within the interval. */
    public boolean within(long fromNanos, long toNanos) {
        return startedNanos >= fromNanos && endedNanos <= toNanos;
    }

    /** For messages: "TRANSITION rel-..-42 (alice) -> 409" or "-> no answer". */
    public String describe() {
        String outcome = switch (failure) {
            case NONE -> Integer.toString(status);
            case REFUSED -> "connection refused";
            case NO_ANSWER -> "no answer";
        };
        return kind + " " + requestId + " (" + target + ") -> " + outcome;
    }
}
