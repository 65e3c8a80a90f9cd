/**
 * Read side of the audit log: the queries behind {@link org.signalaudit.audit.AuditTrail},
 * {@link org.signalaudit.audit.EntityChangeLog} and the admin screens' searches, and the checks
 * behind {@link org.signalaudit.audit.AuditIntegrity} (the chains' verify, the state replay), the
 * exports ({@link org.signalaudit.audit.AuditExport}) and the evidence packs
 * ({@link org.signalaudit.audit.AuditEvidence}).
 */
package org.signalaudit.audit.boundary;
