/**
 * The signals (CDI event records) that components fire and receivers observe, the annotations by
 * which an entity opts into the model signals ({@link org.signalaudit.signal.Audited},
 * {@link org.signalaudit.signal.AuditIgnore}, {@link org.signalaudit.signal.AuditMasked}), and the
 * request-scoped and transaction-scoped context that tells every receiver who acted and from where.
 */
package org.signalaudit.signal;
