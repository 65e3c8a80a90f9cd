/**
 * Configuration that cannot half-work: the databases the application knows and the DataSource
 * class each one's JDBC URL implies ({@link org.signalaudit.configuration.Database}, served to
 * MicroProfile Config by {@link org.signalaudit.configuration.DataSourceClassSource} so that a URL
 * is enough), and the one exception by which any component refuses a setting it cannot use
 * ({@link org.signalaudit.configuration.RejectedSetting}: the setting, its environment variable and
 * the problem, in one line). It lives in audit-api because an EAR sees configuration sources only
 * from a jar in its lib/.
 */
package org.signalaudit.configuration;
