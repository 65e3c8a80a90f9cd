/** The audit rows. Written once, never updated. */
package org.signalaudit.audit.entity;
