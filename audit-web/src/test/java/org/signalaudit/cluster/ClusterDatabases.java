package org.signalaudit.cluster;

/**
 * The names of the cluster tests' databases: {@code signal_audit_rel_<what>}, like the other
 * reliability tests', or another prefix ({@code -Dcluster.database.prefix=}) for a run beside
 * them on a shared server.
 */
final class ClusterDatabases {

    private ClusterDatabases() {
    }

    static String named(String what) {
        return System.getProperty("cluster.database.prefix", "signal_audit_rel_") + what;
    }
}
