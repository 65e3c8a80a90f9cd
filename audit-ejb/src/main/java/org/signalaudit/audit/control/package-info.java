/**
 * The receivers that turn signals into audit rows, inside the transaction of the change, and the
 * resolution of who and where from the request context.
 */
package org.signalaudit.audit.control;
