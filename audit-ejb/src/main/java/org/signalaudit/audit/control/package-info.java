/**
 * The receivers that turn signals into audit rows, inside the transaction of the change, and the
 * resolution of who and where from the request context. The state and entity receivers collect
 * their rows; {@link org.signalaudit.audit.control.BusinessAuditWriter} links and writes them at
 * the end of the flush, the one place a business transaction takes the chain heads. The request
 * and login receivers write in transactions of their own.
 */
package org.signalaudit.audit.control;
