/**
 * Read side of the audit log: the queries behind {@link org.signalaudit.audit.AuditTrail},
 * {@link org.signalaudit.audit.EntityChangeLog} and the admin screens' searches, and the checks
 * behind {@link org.signalaudit.audit.AuditIntegrity} (the chains' verify, the state replay).
 */
package org.signalaudit.audit.boundary;
