/**
 * The request trail: every HTTP request to the application, answered or refused, becomes one
 * {@link org.signalaudit.signal.RequestCompleted} signal, with secrets masked; and the metrics of
 * the rows the web tier writes ({@link org.signalaudit.trail.TrailCounters}).
 */
package org.signalaudit.trail;
