/** The dashboard: how many users are in each state, and how much the audit recorded lately. */
package org.signalaudit.admin.dashboard;
