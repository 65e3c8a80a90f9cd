/**
 * The store: the application-defined datasource and the versioned schema migrations (Flyway)
 * that create and evolve it, and the counted pages the admin screens read. Restarting never
 * drops a table.
 */
package org.signalaudit.store;
