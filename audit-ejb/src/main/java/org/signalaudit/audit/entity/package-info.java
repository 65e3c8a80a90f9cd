/**
 * The audit rows: {@code user_state_audit}, {@code entity_audit}, {@code request_audit} and
 * {@code login_audit}. {@link org.signalaudit.audit.entity.AuditTable} lists their columns once;
 * the {@code *AuditRow} records are rows on their way in (one writer inserts them all), the
 * {@code *AuditEntry} entities are rows read back. Written once, never updated; sealed into the
 * Merkle tree after they commit ({@link org.signalaudit.audit.seal}).
 */
package org.signalaudit.audit.entity;
