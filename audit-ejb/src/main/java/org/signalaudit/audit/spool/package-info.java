/**
 * The outage spool (issue 16, item 5): request and login rows that cannot be written because the
 * database is unavailable are kept in a local file, fsync'd and bounded
 * ({@link org.signalaudit.audit.spool.OutageSpool}, {@link org.signalaudit.audit.spool.SpoolFile}),
 * and written when it is back, in order and each exactly once
 * ({@link org.signalaudit.audit.spool.SpoolReplay}, {@link org.signalaudit.audit.spool.SpooledRowWriter}),
 * through the one writer; then the sealer seals them like any other row. The web tier decides what
 * is an outage and hands the row over ({@link org.signalaudit.audit.AuditSpool}). The rows waiting
 * are in the readiness answer as detail ({@link org.signalaudit.audit.spool.SpoolReadiness}, never DOWN).
 * docs/INTEGRITY.md, "Rows kept through a database outage", has the details.
 */
package org.signalaudit.audit.spool;
