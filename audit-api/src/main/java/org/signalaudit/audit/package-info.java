/** The audit component's contract: queries over the audit rows and the views they return. */
package org.signalaudit.audit;
