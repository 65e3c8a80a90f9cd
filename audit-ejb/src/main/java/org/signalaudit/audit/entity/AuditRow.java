package org.signalaudit.audit.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One audit row on its way to its table: what the receivers make of a signal and the writer
 * inserts ({@link org.signalaudit.audit.control.AuditWriter}), the one way every audit row is
 * written.
 */
public interface AuditRow {

    AuditTable table();

    /** The values of {@link AuditTable#columns()}, in that order. */
    List<Object> values();

    /** Now, as a row stores it: both databases keep microseconds, so nothing finer is taken. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
