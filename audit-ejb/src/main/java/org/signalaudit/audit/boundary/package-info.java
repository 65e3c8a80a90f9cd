/**
 * Read side of the audit log: the queries behind {@link org.signalaudit.audit.AuditTrail} and
 * {@link org.signalaudit.audit.EntityChangeLog}.
 */
package org.signalaudit.audit.boundary;
