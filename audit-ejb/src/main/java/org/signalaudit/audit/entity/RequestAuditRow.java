package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.signalaudit.signal.RequestCompleted;

/** One {@code request_audit} row: one HTTP request, whatever its outcome, its texts capped to their columns. */
public record RequestAuditRow(RequestCompleted request) implements AuditRow {

    static final int DETAIL_CAP = 8000;
    static final int TEXT_CAP = 512;

    @Override
    public AuditTable table() {
        return AuditTable.REQUEST;
    }

    @Override
    public List<Object> values() {
        return Arrays.asList(request.requestId(),
                OffsetDateTime.ofInstant(request.startedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                request.durationMs(), cap(request.method(), 16), cap(request.path(), 2048),
                cap(request.route(), TEXT_CAP), (long) request.status(), cap(request.actor(), 128),
                request.clientIp(), request.peerIp(), cap(request.userAgent(), TEXT_CAP),
                cap(request.resource(), TEXT_CAP), cap(request.model(), 128), request.category(),
                cap(request.summary(), 2100), cap(request.errorClass(), TEXT_CAP),
                cap(request.errorDetail(), DETAIL_CAP), request.origin());
    }

    static String cap(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
