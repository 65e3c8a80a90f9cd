/**
 * The dashboard: how many users are in each state, how much the audit recorded lately, and for a
 * SUPERADMIN the proof that the audit log is intact (the chains' verify and the state replay).
 */
package org.signalaudit.admin.dashboard;
