/**
 * The receivers that turn signals into audit rows, and the one writer that inserts them
 * ({@link org.signalaudit.audit.control.AuditWriter}). The state and entity receivers write in the
 * transaction of the change, at once; the request and login receivers in transactions of their
 * own. Who and where come from the request context ({@link org.signalaudit.audit.control.ProvenanceResolver}).
 * An admin's LOCK: resource → account boundary → state machine → {@code UserStateChanged} →
 * {@link org.signalaudit.audit.control.StateAuditReceiver} → {@code AuditWriter} → the row.
 */
package org.signalaudit.audit.control;
