package org.signalaudit.audit;

/**
 * Retention of the audit log (SUPERADMIN; docs/INTEGRITY.md, "Retention"): on PostgreSQL the audit
 * tables are partitioned by month, and a run drops the months older than
 * {@code audit.retention.months}, each behind a tombstone that keeps the tree verifying, skipping a
 * month that holds a row under a legal hold. Every run and every dropped month is a row of the
 * request trail (category {@value #CATEGORY}), sealed like any other.
 */
public interface AuditRetention {

    /** The request-trail category of the rows retention and legal holds write. */
    String CATEGORY = "RETENTION";

    /** Drops every month due, now; {@link RetentionRefusedException} where the database has no partitions (H2). */
    RetentionRun run(RunRetention command);

    /** The months there are, when each will be dropped and what holds it back, and the months dropped so far. */
    RetentionSchedule schedule();
}
