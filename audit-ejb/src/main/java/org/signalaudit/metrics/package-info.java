/**
 * Metrics of the application, fed by the same signals as the audit but never importing it: an
 * example of a receiver that lives where it belongs.
 */
package org.signalaudit.metrics;
