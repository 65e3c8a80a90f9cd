/**
 * The audit rows: {@code user_state_audit}, {@code request_audit}, {@code login_audit} and
 * {@code entity_audit}, each with its place in its table's hash chain ({@link
 * org.signalaudit.audit.entity.ChainPosition}), and the JSON form of an entity's changes. Written
 * once, never updated.
 */
package org.signalaudit.audit.entity;
