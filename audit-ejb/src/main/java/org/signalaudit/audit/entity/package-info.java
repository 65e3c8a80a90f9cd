/**
 * The audit rows: {@code user_state_audit} and {@code entity_audit}, and the JSON form of an
 * entity's changes. Written once, never updated.
 */
package org.signalaudit.audit.entity;
