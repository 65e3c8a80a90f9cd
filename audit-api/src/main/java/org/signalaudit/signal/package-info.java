/**
 * The signals (CDI event records) that components fire and receivers observe, and the
 * request-scoped context that tells every receiver who acted and from where.
 */
package org.signalaudit.signal;
