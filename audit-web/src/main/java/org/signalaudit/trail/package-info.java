/**
 * The request trail: every HTTP request to the application, answered or refused, becomes one
 * {@link org.signalaudit.signal.RequestCompleted} signal, with secrets masked.
 */
package org.signalaudit.trail;
