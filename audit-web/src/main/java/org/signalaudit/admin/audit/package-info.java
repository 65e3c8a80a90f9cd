/**
 * The audit log screen: one tab per audit table (state changes, requests, logins; entity changes
 * join when that audit exists), one filter for all tabs, and everything one request did.
 */
package org.signalaudit.admin.audit;
