/**
 * The audit component's contract: queries over the audit rows (the state changes of users,
 * {@link org.signalaudit.audit.AuditTrail}; the field-level history of audited entities,
 * {@link org.signalaudit.audit.EntityChangeLog}), the views they return, and what can be proven
 * about the rows: the sealed log's checkpoints and proofs ({@link org.signalaudit.audit.SealedLog}),
 * its verify and the replay of the state changes ({@link org.signalaudit.audit.AuditIntegrity}).
 */
package org.signalaudit.audit;
