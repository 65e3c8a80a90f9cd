/**
 * The start-up check of the configuration ({@link org.signalaudit.configuration.control.ConfigurationCheck}):
 * every setting the application cannot use stops the deployment with one line naming it, before
 * the persistence unit logs in; and {@link org.signalaudit.configuration.control.FailedStart}, which
 * writes that line and, on Payara Micro, where the process is the application, ends the process
 * with exit status 1 instead of leaving a server that serves nothing.
 *
 * <p>Another check plugs in the same way: refuse with
 * {@link org.signalaudit.configuration.RejectedSetting} and throw what
 * {@link org.signalaudit.configuration.control.FailedStart#stop(RuntimeException)} returns, from
 * {@code ConfigurationCheck} (a setting every start needs) or from the {@code @Startup} bean that
 * needs the setting.
 */
package org.signalaudit.configuration.control;
