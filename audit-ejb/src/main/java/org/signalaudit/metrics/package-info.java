/**
 * Metrics of the application, fed by the same signals as the audit but never importing it: an
 * example of a receiver that lives where it belongs. {@link org.signalaudit.metrics.AuditCounters}
 * publishes the business tier's MicroProfile metrics (audit rows per table, lockouts, refused
 * sign-ins) from the same signals.
 */
package org.signalaudit.metrics;
