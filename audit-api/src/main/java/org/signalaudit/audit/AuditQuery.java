package org.signalaudit.audit;

import java.time.Instant;

/**
 * What every query of an audit table has, whatever else it filters on: a period ({@code from}
 * inclusive, {@code to} exclusive, either open) and a keyset page ({@code after} is the id of the
 * last row of the previous page, rows coming newest first).
 */
public interface AuditQuery {

    Instant from();

    Instant to();

    int limit();

    Long after();
}
