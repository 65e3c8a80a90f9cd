/** Read side of the audit log: the queries behind {@link org.signalaudit.audit.AuditTrail}. */
package org.signalaudit.audit.boundary;
