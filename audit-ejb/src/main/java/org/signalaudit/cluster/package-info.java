/**
 * What the application takes from Payara's data grid (its Hazelcast, which clusters Payara Micro
 * instances and Payara Server deployment groups): the grid itself ({@link org.signalaudit.cluster.DataGrid}),
 * through which the instances share the cache of verified passwords (JCache) and report in their
 * readiness how many members they see. Nothing here decides anything the database does not also
 * know: the grid only spares work (a PBKDF2 verification) and replicates the admin screens' sessions.
 * A single instance is a cluster of one.
 */
package org.signalaudit.cluster;
