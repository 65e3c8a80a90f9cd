/**
 * Retention and legal hold of the audit log (issue 16; docs/INTEGRITY.md, "Retention"). On
 * PostgreSQL the four audit tables are partitioned by month (migration V43); a retention run (daily
 * timer, or a SUPERADMIN's request) retires every month older than {@code audit.retention.months}
 * through the database function {@code audit_retire_month}, which writes the month's tombstone
 * (its leaves as ranges, row count and the digest of its leaf hashes) and then detaches and drops
 * the partition, under the role {@code audit_retention} that owns the tables; the request trail's
 * RETIRE row that records the tombstone is written in the same transaction, and the verify accepts
 * a tombstone only if that row is sealed and its leaves give its digest ({@link
 * org.signalaudit.audit.retention.TombstoneAudit}). A month that holds a row
 * under an active legal hold is skipped, and the run says why. Every dropped month, every run,
 * every hold placed or released is a row of the request trail (category RETENTION), sealed like
 * any other. The embedded H2 keeps plain tables: retention refuses there (409).
 */
package org.signalaudit.audit.retention;
