/**
 * The audit component's contract: queries over the audit rows (the state changes of users,
 * {@link org.signalaudit.audit.AuditTrail}; the field-level history of audited entities,
 * {@link org.signalaudit.audit.EntityChangeLog}) and the views they return.
 */
package org.signalaudit.audit;
