/**
 * The operator's command line (issue 17, Keycloak's {@code kc.sh bootstrap-admin} model): the
 * {@code audit-cli} jar boots this application on Payara Micro in command mode
 * ({@code audit.cli.command} set), and {@link org.signalaudit.operator.CommandMode} runs that one
 * command at start-up through the same state machine, signal and receivers as every request, with
 * initiator and address {@code CLI}, origin CLI. Nothing here writes an audit row itself.
 */
package org.signalaudit.operator;
