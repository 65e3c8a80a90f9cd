/**
 * The model signals: EclipseLink hooks that turn the JPA life-cycle callbacks of every
 * {@link org.signalaudit.signal.Audited} entity into {@link org.signalaudit.signal.EntityChanged},
 * {@link org.signalaudit.signal.CollectionChanged} and {@link org.signalaudit.signal.EntityLoaded},
 * with the diff read from the unit of work's change set; bulk statements into
 * {@link org.signalaudit.signal.BulkChanged}; and the relay of committed changes to asynchronous
 * receivers. Nothing here writes a row: receivers do.
 */
package org.signalaudit.signal.control;
