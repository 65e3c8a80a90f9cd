package org.signalaudit.signal;

/**
 * The persistence context has just written its pending changes to the database (the end of a
 * flush, or of the commit's own flush) and the transaction is still open. Receivers that collect
 * during the JPA callbacks, where the EntityManager may not be used, write what they collected
 * here: it is the last moment that is still inside the transaction of the change.
 */
public record ChangesWritten() {
}
