package org.signalaudit.audit;

/**
 * The name, help text and tag of the counter of audit rows written, which the business tier
 * (state and entity rows) and the web tier (request and login rows) both count into: one metric,
 * one description, wherever it is incremented.
 */
public final class AuditRowMetric {

    /** Exported as {@code audit_rows_written_total{table="..."}} at {@code /metrics?scope=application}. */
    public static final String NAME = "audit_rows_written";
    public static final String DESCRIPTION = "Audit rows written by this instance, per table; a row counts once "
            + "the transaction that wrote it has committed";
    public static final String TABLE = "table";

    private AuditRowMetric() {
    }
}
