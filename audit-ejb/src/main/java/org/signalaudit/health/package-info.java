/**
 * The application's MicroProfile Health checks, served by Payara at {@code /health},
 * {@code /health/ready} and {@code /health/live}: one small bean per concern, so that a new
 * concern (the sealed log's lag, its continuous verification) is one more {@code @Readiness}
 * bean here and nothing else changes.
 * <ul>
 * <li>readiness: the database answers ({@link org.signalaudit.health.StoreReachable}); its schema
 * is the one this build migrated to ({@link org.signalaudit.health.SchemaCurrent}); this instance's
 * member of Payara's data grid runs, with the members it sees ({@link org.signalaudit.health.ClusterMembership});</li>
 * <li>liveness: the application is deployed and no threads of it are deadlocked
 * ({@link org.signalaudit.health.NotWedged}).</li>
 * </ul>
 * A check answers within the pool's timeouts (5 s) even while the database is down.
 */
package org.signalaudit.health;
